using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Catalogs;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using Wolverine.Http;
using Wolverine.Marten;

using Traceability.Projections.WriteModels;

namespace Traceability.Api.Baselines;

/// <summary>
/// POST /api/baselines/{id}/derive: a new baseline (e.g. 6.1 → 6.12) that opens with every
/// decision of the source carried forward, all in one transaction. With a .config in the same
/// request, decisions on symbols it lacks are flagged at once; without one, at its first import.
/// </summary>
public static class DeriveBaseline
{
    /// <param name="Id">The new baseline's id, e.g. "arm64-6.12".</param>
    /// <param name="KernelVersion">e.g. "6.12.117".</param>
    /// <param name="Variant">Defaults to the source's variant.</param>
    public sealed record Request(string Id, string KernelVersion, string? Variant);

    public sealed record Response(
        string Id, string DerivedFrom, int Carried, IReadOnlyList<string> Missing, IReadOnlyList<string> Suspect,
        string SymbolCheck, ConfigImportResult? Config, IReadOnlyList<DecisionSymbolLeftCatalog> LeftCatalog);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).BaselineId();
            RuleFor(r => r.KernelVersion).KernelVersion();
            RuleFor(r => r.Variant).PlainText(BaselineRules.MaxNameLength).Must(v => v is null || v.Trim().Length > 0)
                .WithMessage("Variant must not be blank; leave it out to keep the source's.");
        }
    }

    public static string StreamKey(string id) => Baseline.StreamId(id);

    /// <remarks>
    /// The body is JSON or multipart (with an optional .config), read and validated here as before. The new
    /// baseline and every carried decision are one append: past <see cref="EventLog.BulkThreshold"/> events it
    /// goes in bulk inside this write's transaction, which Wolverine commits. The source only holds its lock shared.
    /// </remarks>
    [WolverinePost("/api/baselines/{id}/derive"), Tags(BaselineRules.Tag), Authorize(Roles.Engineering)]
    [EndpointSummary("Derive a new baseline (e.g. 6.1 → 6.12) carrying every decision forward: JSON {\"id\":\"arm64-6.12\",\"kernelVersion\":\"6.12.117\"}, or multipart/form-data with the same fields and an optional .config file 'config' against which missing symbols are flagged at once (its import counts added, removed and changed symbols; names=true lists them; its header must name the new baseline's architecture and kernel series unless form fields force=true and forceReason say why).")]
    [Consumes(typeof(Request), "application/json", "multipart/form-data")]
    [ProducesResponseType<HttpValidationProblemDetails>(400), ProducesResponseType<ProblemDetails>(404),
     ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(412), ProducesResponseType<ProblemDetails>(413),
     ProducesResponseType<ProblemDetails>(415), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<WrittenCreated<Response>> Handle(string id, bool? names,
        [WriteAggregate(FromMethod = nameof(StreamKey))] IEventStream<Folded<Baseline>> stream,
        IDocumentSession session, EventLog log, IValidator<Request> validator, IConfiguration configuration,
        CatalogReads catalogs, HttpContext context, CancellationToken ct)
    {
        var source = stream.Aggregate!.State;
        var (body, bytes, force) = await DeriveRequestReader.ReadAsync(context.Request, ConfigUploads.MaxConfigBytes(configuration), ct);
        await validator.ValidateAndThrowAsync(body, ct);
        var config = bytes is null ? null : KernelConfigParser.Parse(bytes);
        var existing = await BaselineReads.LoadAsync(log, body.Id, ct);
        var sourceVariant = (await log.ViewAsync(stream.Key!, $"Baseline '{id}'", BaselineView.From, ct)).Variant;
        var created = BaselineDecisions.Create(existing?.State, body.Id, source.Platform, body.KernelVersion,
            body.Variant ?? sourceVariant, source);
        var import = config is null ? null : await PlanImportAsync(log, created, config, force, ct);
        var renames = await RenamesAsync(catalogs, id, created, ct);

        // The source's lock shared: its decisions cannot change under the read, while other derives of it may run.
        await session.LockAsync([Locks.BaselineShared(id)], ct);
        var carried = CarriedDecisions.Plan(await BaselineDecisionStreams.LoadAsync(log, session.Connection!, id, ct), created.Id, config?.Values, renames);
        object[] events = import?.Event is { } imported ? [created, imported] : [created];
        var reason = $"derive {created.Id} from {id}{force.Note}";
        session.Reason(reason);
        await log.QueueAsync(session, [StreamAppend.Start(Baseline.StreamId(created.Id), events), .. carried.Appends], Actor.Metadata(context, reason), ct);

        var response = new Response(created.Id, id, carried.Appends.Count,
            carried.Missing, carried.Suspect, SymbolCheck(config), import?.Result(carried.Missing, names ?? false), carried.LeftCatalog);
        return Written.Created($"/api/baselines/{created.Id}", _ => Task.FromResult(response), events.Length);
    }

    /// <summary>Catalogs never change once built, so reading both before the append lock cannot go stale.</summary>
    private static async Task<CatalogRenames?> RenamesAsync(
        CatalogReads catalogs, string source, BaselineCreated created, CancellationToken ct)
    {
        var from = await CatalogGate.CatalogOfAsync(catalogs, source, ct);
        if (from is null) return null;
        var to = await CatalogGate.CatalogForAsync(catalogs, created.Platform, created.KernelVersion, ct);
        return to is null ? null : new CatalogRenames(from, to);
    }

    /// <summary>The config's import into the new baseline, decided like any import (architecture, kernel series, values).</summary>
    private static async Task<ConfigImportPlan> PlanImportAsync(
        EventLog log, BaselineCreated created, KernelConfig config, ImportForce force, CancellationToken ct)
    {
        var architecture = await BaselineReads.PlatformArchitectureAsync(log, created.Platform, ct)
            ?? throw new DomainRuleViolated($"Platform '{created.Platform}' does not exist.");
        return ConfigImportPlan.Decide(Baseline.Evolve(null, created)!, architecture, config, force);
    }

    private static string SymbolCheck(KernelConfig? config) => config is null
        ? "pending: no .config was given, so symbols are checked when one is imported into this baseline"
        : $"done against the .config with SHA-256 {config.Sha256}";
}
