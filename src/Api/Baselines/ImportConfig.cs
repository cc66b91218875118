using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Wolverine.Http;
using Wolverine.Marten;
using BadRequest = Traceability.Api.Http.BadRequest;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Baselines;

/// <summary>
/// PUT /api/baselines/{id}/config: records a new revision of the resolved .config and answers what
/// changed. A header of another architecture or kernel series is refused (409) unless forced.
/// </summary>
public static class ImportConfig
{
    public static string StreamKey(string id) => Baseline.StreamId(id);

    /// <remarks>
    /// The body is a .config (text/plain or multipart), not a JSON request record, so it is read here as before.
    /// The baseline's import and the decisions it flags are one append: past <see cref="EventLog.BulkThreshold"/>
    /// events it goes in bulk inside this write's transaction, which Wolverine commits.
    /// </remarks>
    [WolverinePut("/api/baselines/{id}/config"), Tags(BaselineRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Import a resolved .config (text/plain body, or multipart/form-data with one file field such as 'config'); answers how many symbols were added, removed and changed since the previous import (names=true lists them). An identical file is a no-op (200). A file whose header names another architecture or kernel series (major.minor) than the baseline's is refused with 409 unless ?force=true&forceReason=... (or form fields of those names) says why it belongs here.")]
    [Consumes(typeof(string), "text/plain", "multipart/form-data")]
    [ProducesResponseType<ConfigImportResult>(201), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412), ProducesResponseType<ProblemDetails>(413),
     ProducesResponseType<ProblemDetails>(415), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<Written<ConfigImportResult>> Handle(string id, bool? names,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Baseline>> stream,
        IDocumentSession session, EventLog log, IConfiguration configuration, HttpContext context, CancellationToken ct)
    {
        var baseline = stream.Aggregate!.State;
        var version = stream.StartingVersion ?? 0;
        var upload = await ConfigUploads.ReadAsync(context.Request, ConfigUploads.MaxConfigBytes(configuration), ct);
        var bytes = upload.Config ?? throw new BadRequest("The multipart form has no .config file field (e.g. 'config').");
        var config = KernelConfigParser.Parse(bytes);
        var architecture = await BaselineReads.PlatformArchitectureAsync(log, baseline.Platform, ct)
            ?? throw new DomainRuleViolated($"Platform '{baseline.Platform}' of baseline '{id}' does not exist.");
        var force = ImportForce.Read(context.Request, upload.Fields);
        var plan = ConfigImportPlan.Decide(baseline, architecture, config, force);
        if (plan.Event is null)
        {
            var unchanged = plan.Result([], names ?? false);
            return Written.Ok(_ => Task.FromResult(unchanged), version);
        }

        // Alone on the baseline's lock: no decision of it changes between this read and the commit.
        await session.LockAsync([Locks.BaselineSole(id)], ct);
        var flags = await BaselineDecisionStreams.FlagMissingAsync(log, session.Connection!, id, config.Values, config.Sha256, ct);
        var reason = $"import .config revision {plan.Event.Revision}{force.Note}";
        session.Reason(reason);
        await log.QueueAsync(session, [new StreamAppend(stream.Key!, version, [plan.Event]), .. flags], Actor.Metadata(context, reason), ct);
        var missing = flags.SelectMany(f => f.Events).OfType<DecisionSymbolMissing>().Select(f => f.Symbol).Order(StringComparer.Ordinal).ToArray();
        var result = plan.Result(missing, names ?? false);
        // 201 for a new revision, 200 (above) for the same file again: one result type, documented by the attributes.
        return new Written<ConfigImportResult>(StatusCodes.Status201Created, _ => Task.FromResult(result), version + 1, $"/api/baselines/{id}/config");
    }
}
