using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Baselines;

/// <summary>
/// PUT /api/baselines/{id}/config: records a new revision of the resolved .config and answers what
/// changed. A header of another architecture or kernel series is refused (409) unless forced.
/// </summary>
public static class ImportConfig
{
    public static async Task<IResult> Handle(
        string id, bool? names, HttpRequest request, EventLog log, IConfiguration configuration, HttpContext context, CancellationToken ct)
    {
        var baseline = await BaselineReads.LoadForWriteAsync(log, request, id, ct);
        var upload = await ConfigUploads.ReadAsync(request, ConfigUploads.MaxConfigBytes(configuration), ct);
        var bytes = upload.Config ?? throw new BadRequest("The multipart form has no .config file field (e.g. 'config').");
        var config = KernelConfigParser.Parse(bytes);
        var architecture = await BaselineReads.PlatformArchitectureAsync(log, baseline.State.Platform, ct)
            ?? throw new DomainRuleViolated($"Platform '{baseline.State.Platform}' of baseline '{id}' does not exist.");
        var force = ImportForce.Read(request, upload.Fields);
        var plan = ConfigImportPlan.Decide(baseline.State, architecture, config, force);
        if (plan.Event is null)
        {
            ETags.Set(context.Response, baseline.Version);
            return TypedResults.Ok(plan.Result([], names ?? false));
        }

        IReadOnlyList<StreamAppend> flags = [];
        var appended = await log.AppendAsync([Locks.BaselineSole(id)], async (connection, token) =>
        {
            flags = await BaselineDecisionStreams.FlagMissingAsync(log, connection, id, config.Values, config.Sha256, token);
            return [new StreamAppend(baseline.StreamId, baseline.Version, [plan.Event]), .. flags];
        }, Actor.Metadata(context, $"import .config revision {plan.Event.Revision}{force.Note}"), ct);
        ETags.Set(context.Response, appended.VersionOf(baseline.StreamId));
        var missing = flags.SelectMany(f => f.Events).OfType<DecisionSymbolMissing>().Select(f => f.Symbol).Order(StringComparer.Ordinal).ToArray();
        return TypedResults.Created($"/api/baselines/{id}/config", plan.Result(missing, names ?? false));
    }
}
