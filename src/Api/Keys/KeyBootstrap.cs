using Traceability.Api.Http;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Keys;

/// <summary>
/// Auth:BootstrapAdminKey becomes the admin key "bootstrap-admin" at start; without it, the first
/// start on an empty database creates one and prints it once on the console (never to the log).
/// </summary>
public sealed class KeyBootstrap(EventLog log, ApiKeyStore keys, IConfiguration configuration, ILogger<KeyBootstrap> logger)
{
    public const string Name = "bootstrap-admin";

    public async Task EnsureAdminKeyAsync(CancellationToken ct)
    {
        var configured = configuration["Auth:BootstrapAdminKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (await keys.FindActiveAsync(configured, ct) is not null) return;
            await Issue(configured, ct);
            logger.LogInformation("Admin key '{Name}' created from Auth:BootstrapAdminKey", Name);
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

    private async Task Issue(string key, CancellationToken ct)
    {
        var stream = ApiKeyEvents.StreamId(Name);
        var version = await log.StreamVersionAsync(stream, ct);
        await log.AppendAsync(new StreamAppend(stream, version, [new ApiKeyIssued(Name, Roles.Admin, ApiKeyStore.Hash(key))]),
            new EventMetadata("system", Reason: "bootstrap admin key"), ct);
    }
}
