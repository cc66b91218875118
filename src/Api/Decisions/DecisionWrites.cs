using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Decisions;

/// <summary>What a write decided: the event, and the reason recorded with it in the metadata.</summary>
internal sealed record Change(object Event, string? Reason);

/// <summary>The event a write decides on the append's connection, under its locks (replacing <see cref="Change.Event"/>).</summary>
internal delegate Task<object> InTransaction(NpgsqlConnection connection, CancellationToken ct);

/// <summary>Load → If-Match → pure Decide → append at the loaded version, with the baseline and the links checked under their locks.</summary>
internal static class DecisionWrites
{
    public const string StreamType = "decision";

    /// <summary>Route symbols are accepted with or without CONFIG_; anything else is not a symbol at all.</summary>
    public static string Symbol(string symbol) =>
        KconfigSymbol.Normalize(symbol) ?? throw new Http.BadRequest(KconfigSymbol.Problem(symbol) ?? $"'{symbol}' is not a Kconfig symbol.");

    public static string What(string baseline, string symbol) => $"The decision on {KconfigSymbol.Display(symbol)} in baseline '{baseline}'";

    public static string Location(string baseline, string symbol) => $"/api/baselines/{baseline}/decisions/{symbol}";

    public static Task<Ok<DecisionDetail>> ChangeAsync(
        EventLog log, HttpContext context, string baseline, string symbol, Func<Decision, Change> decide, CancellationToken ct,
        IEnumerable<LogLock>? newLinks = null) =>
        ChangeAsync(log, context, baseline, symbol, state => (decide(state), null), ct, newLinks);

    /// <summary>
    /// As above; a rule that reads other streams (an approval reads the linked AoUs) returns <c>InTransaction</c>, which
    /// decides on the append's own connection once the locks are held, so nothing it read can change before the commit.
    /// </summary>
    public static async Task<Ok<DecisionDetail>> ChangeAsync(
        EventLog log, HttpContext context, string baseline, string symbol, Func<Decision, (Change Change, InTransaction? Check)> decide,
        CancellationToken ct, IEnumerable<LogLock>? newLinks = null)
    {
        var name = Symbol(symbol);
        await BaselineGate.EnsureExistsAsync(log, baseline, ct);
        var events = await log.ReadStreamAsync(Decision.StreamId(baseline, name), null, ct);
        var state = DecisionView.Fold(events) ?? throw new ResourceNotFound(What(baseline, name));
        var version = events[^1].Version;
        ETags.Check(context.Request, What(baseline, name), version);
        var (change, check) = decide(state);
        var written = await AppendAsync(log, context, baseline, name, version, change, Locks.DecisionWrite(baseline, state, newLinks ?? []), ct, check);
        return TypedResults.Ok(await RespondAsync(log, context, baseline, name, written, ct));
    }

    public static async Task<long> AppendAsync(
        EventLog log, HttpContext context, string baseline, string symbol, long expectedVersion, Change change,
        IEnumerable<LogLock> locks, CancellationToken ct, InTransaction? check = null)
    {
        var stream = Decision.StreamId(baseline, symbol);
        var result = await log.AppendAsync(locks, async (connection, token) =>
        {
            await BaselineGate.EnsureOpenAsync(log, connection, baseline, token);
            var decided = check is null ? change.Event : await check(connection, token);
            return [new StreamAppend(stream, expectedVersion, [decided])];
        }, Actor.Metadata(context, change.Reason), ct);
        return result.VersionOf(stream);
    }

    /// <summary>The decision as of the version just written (not a later one), with that version as ETag.</summary>
    public static async Task<DecisionDetail> RespondAsync(
        EventLog log, HttpContext context, string baseline, string symbol, long version, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(Decision.StreamId(baseline, symbol), version, ct);
        ETags.Set(context.Response, version);
        var owners = await context.RequestServices.GetRequiredService<ApiKeyStore>().OwnersAsync(ct);
        return DecisionView.Detail(DecisionView.Fold(events)!, events, owners);
    }
}
