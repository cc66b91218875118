using JasperFx.Events;
using Marten;
using Traceability.Api.Commands;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.WriteModels;

namespace Traceability.Api.Decisions;

/// <summary>What every decision write shares: the stream its route names, the locks and open-baseline check, the view it answers.</summary>
internal static class DecisionWrites
{
    /// <summary>Route symbols are accepted with or without CONFIG_; anything else is not a symbol at all.</summary>
    public static string Symbol(string symbol) =>
        KconfigSymbol.Normalize(symbol) ?? throw new Http.BadRequest(KconfigSymbol.Problem(symbol) ?? $"'{symbol}' is not a Kconfig symbol.");

    public static string What(string baseline, string symbol) => $"The decision on {KconfigSymbol.Display(symbol)} in baseline '{baseline}'";

    public static string Location(string baseline, string symbol) => $"/api/baselines/{baseline}/decisions/{symbol}";

    public static string StreamKey(string baseline, string symbol) => Decision.StreamId(baseline, Symbol(symbol));

    /// <summary>
    /// Holds the baseline and every target the decision links, before and after the change, shared, then checks on the
    /// write's own connection that the baseline is open: a freeze or a target's revision (which hold them alone) cannot
    /// slip in between the check and the commit.
    /// </summary>
    public static async Task LockAsync(
        this IDocumentSession session, EventLog log, string baseline, Decision? current, IEnumerable<LogLock> newLinks, CancellationToken ct)
    {
        await session.LockAsync(Locks.DecisionWrite(baseline, current, newLinks), ct);
        await BaselineGate.EnsureOpenAsync(log, session.Connection!, baseline, ct);
    }

    /// <summary>Appends what a rule decided, with its reason, under the decision's locks; returns the version it will have.</summary>
    public static async Task<long> AppendAsync(
        this IDocumentSession session, IEventStream<Folded<Decision>> stream, EventLog log, string baseline, object decided, string? reason, CancellationToken ct)
    {
        stream.AppendOne(decided);
        session.Reason(reason);
        await session.LockAsync(log, baseline, stream.Aggregate?.State, [], ct);
        return (stream.StartingVersion ?? 0) + 1;
    }

    /// <summary>The decision as of the version just written (not a later one).</summary>
    public static async Task<DecisionDetail> DetailAsync(
        EventLog log, ApiKeyStore keys, string streamKey, long version, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(streamKey, version, ct);
        var owners = await keys.OwnersAsync(ct);
        return DecisionView.Detail(DecisionView.Fold(events)!, events, owners);
    }
}
