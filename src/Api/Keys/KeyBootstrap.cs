using Traceability.Api.Http;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Keys;

/// <summary>
/// Auth:BootstrapAdminKey becomes the admin key "bootstrap-admin" (owned by the person "bootstrap-admin") at start;
/// without it, the first start on an empty database creates one and prints it once on the console (never to the log).
/// The setting never brings back or replaces that key (issue 13 item 6): once revoked it stays revoked, and a
/// different key under the setting is ignored with a warning, since names are never reused.
/// </summary>
public sealed class KeyBootstrap(EventLog log, ApiKeyStore keys, IConfiguration configuration, ILogger<KeyBootstrap> logger)
{
    public const string Name = "bootstrap-admin";
    public const string Setting = "Auth:BootstrapAdminKey";

    public async Task EnsureAdminKeyAsync(CancellationToken ct)
    {
        if (Configured() is { } configured)
        {
            if (await keys.FindActiveAsync(configured, ct) is not null) return;
            if (await keys.FindByNameAsync(Name, ct) is { } existing)
            {
                Ignored(existing);
                return;
            }
            await Issue(configured, ct);
            logger.LogInformation("Admin key '{Name}' created from {Setting}", Name, Setting);
            return;
        }
        if (await keys.AnyAsync(ct)) return;
        var key = ApiKeyStore.NewKey();
        await Issue(key, ct);
        Console.WriteLine($"""

            ==> First start: created the admin API key '{Name}'. It is shown only this once:
                {key}
                Sign in to the web pages with it, or send it as the X-Api-Key header (Swagger UI: Authorize). Set Auth__BootstrapAdminKey to choose it yourself.

            """);
    }

    /// <summary>
    /// Presented keys are trimmed (a header value has no surrounding whitespace), so a configured key with some
    /// (a trailing newline from a secrets file) would make an admin nobody can use: it is trimmed, with a warning.
    /// </summary>
    private string? Configured()
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) return null;
        var trimmed = configured.Trim();
        if (trimmed.Length != configured.Length)
            logger.LogWarning("{Setting} has leading or trailing whitespace; it is ignored and the key is used without it", Setting);
        return trimmed;
    }

    private void Ignored(ApiKeyInfo existing)
    {
        if (existing.Revoked is { } revoked)
        {
            logger.LogWarning("{Setting} is set, but the key '{Name}' was revoked at {Revoked:O}: a revoked key stays revoked, so the setting is ignored. "
                + "Remove it, and use another admin key", Setting, Name, revoked);
            return;
        }
        logger.LogWarning("{Setting} is not the key of the active admin key '{Name}', which it created earlier; key names are never reused, "
            + "so the setting is ignored. Remove it, or set it back to that key", Setting, Name);
    }

    private async Task Issue(string key, CancellationToken ct) =>
        await log.AppendAsync(StreamAppend.Start(ApiKeyEvents.StreamId(Name), new ApiKeyIssuedToOwner(Name, Roles.Admin, Name, keys.Hasher.Keyed(key))),
            new EventMetadata("system", Reason: "bootstrap admin key"), ct);
}
