using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Projections.Events;

namespace Traceability.Api.Diff;

/// <summary>Picks one .config import of a baseline from its stream: the latest, or the named revision.</summary>
internal static class BaselineImports
{
    /// <summary>404 for an unknown baseline or revision; 409 when the baseline has no import to compare yet.</summary>
    public static async Task<(DiffSide Side, IReadOnlyDictionary<string, string> Values)> PickAsync(
        EventLog log, string baseline, int? revision, CancellationToken ct)
    {
        var events = await log.ReadStreamAsync(Baseline.StreamId(baseline), null, ct);
        if (events is not [{ Data: BaselineCreated created }, ..]) throw new ResourceNotFound($"Baseline '{baseline}'");
        var imports = events.Select(e => e.Data).OfType<ConfigImported>().ToList();
        if (imports.Count == 0)
        {
            throw new DomainRuleViolated(
                $"Baseline '{baseline}' has no imported .config yet; import one (PUT /api/baselines/{baseline}/config) before comparing it.");
        }
        var picked = revision is null ? imports[^1]
            : imports.LastOrDefault(i => i.Revision == revision)
              ?? throw new ResourceNotFound($"Import revision {revision} of baseline '{baseline}'");
        return (new DiffSide(baseline, picked.Revision, picked.Sha256, picked.KernelVersion ?? created.KernelVersion), picked.Values);
    }
}
