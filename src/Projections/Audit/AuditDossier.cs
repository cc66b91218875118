using Traceability.Domain.Assumptions;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.HardwareFeatures;
using Traceability.Domain.Requirements;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.Audit;

/// <summary>
/// Everything an export says about one baseline as of one chain position, folded from the events the
/// export carries in full, so a verifier rebuilds every file from events.jsonl without our database.
/// </summary>
public sealed record AuditDossier(
    BaselineFacts Baseline,
    long AsOfPosition,
    string AsOfTime,
    string ChainHead,
    IReadOnlyList<MatrixRow> Matrix,
    IReadOnlyList<DecisionRecord> Decisions,
    IReadOnlyList<ReferenceRecord> Assumptions,
    IReadOnlyList<ReferenceRecord> Features,
    IReadOnlyList<ReferenceRecord> Requirements,
    IReadOnlyList<EvidenceRecord> Evidence,
    IReadOnlyList<Signature> Signatures,
    Catalog? Catalog = null)
{
    /// <summary>Null when the baseline does not exist in <paramref name="events"/> (not created by then).</summary>
    public static AuditDossier? Build(IReadOnlyList<AuditEvent> events, string baseline)
    {
        if (events.Count == 0) return null;
        var baselineStream = Domain.Baselines.Baseline.StreamId(baseline);
        var own = events.Where(e => e.Payload is not null && (e.StreamId == baselineStream
                || e.StreamId.StartsWith(MatrixHistory.DecisionPrefix(baseline), StringComparison.Ordinal)))
            .Select(e => (Audit: e, Recorded: e.ToRecorded())).ToList();
        var facts = Facts(own.Where(e => e.Audit.StreamId == baselineStream).Select(e => e.Recorded.Data));
        if (facts is null) return null;
        var decisionEvents = own.Where(e => e.Audit.StreamId != baselineStream).ToList();
        var decisions = DecisionRecords.Build(decisionEvents);
        var links = LinkedIds.Of(decisionEvents.Select(e => e.Recorded.Data));
        var last = events[^1];
        return new AuditDossier(
            facts, last.Position, AuditEventLine.Time(last.ChainedAt), Convert.ToHexStringLower(last.Link),
            ExportMatrix.Fold(baseline, own.Select(e => e.Recorded)),
            decisions,
            References<AssumptionOfUse>(events, "aou/", links.Assumptions, AssumptionOfUse.Evolve),
            References<HardwareFeature>(events, "feature/", links.Features, HardwareFeature.Evolve),
            References<Requirement>(events, "requirement/", links.Requirements, Requirement.Evolve),
            DecisionRecords.Evidence(decisions),
            DecisionRecords.Signatures(decisions),
            ExportCatalog.Fold(events, facts));
    }

    private static BaselineFacts? Facts(IEnumerable<object> events)
    {
        BaselineFacts? facts = null;
        foreach (var data in events)
        {
            facts = data switch
            {
                BaselineCreated c => new BaselineFacts(c.Id, c.Platform, c.KernelVersion, c.Variant, c.DerivedFrom, false, 0, null),
                ConfigImported i when facts is not null => facts with { ConfigRevision = i.Revision, ConfigSha256 = i.Sha256 },
                BaselineFrozen when facts is not null => facts with { Frozen = true },
                _ => facts,
            };
        }
        return facts;
    }

    private static List<ReferenceRecord> References<TState>(
        IReadOnlyList<AuditEvent> events, string prefix, IReadOnlySet<string> ids, Func<TState?, object, TState?> evolve)
        where TState : class
    {
        var streams = ids.ToDictionary(id => prefix + id, id => id, StringComparer.Ordinal);
        return events.Where(e => e.Payload is not null && streams.ContainsKey(e.StreamId)).GroupBy(e => e.StreamId)
            .Select(g =>
            {
                TState? state = null;
                foreach (var e in g) state = evolve(state, e.ToRecorded().Data);
                return new ReferenceRecord(streams[g.Key], g.Key, state is null ? null : AuditJson.SerializeToElement(state),
                    g.Select(HistoryEntry.From).ToList());
            })
            .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }
}
