using FluentValidation;
using Traceability.Api.Catalogs;
using Traceability.Api.Commands;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Baselines;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;

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

    public static async Task<Created<Response>> Handle(
        string id, bool? names, HttpRequest request, EventLog log, IValidator<Request> validator, IConfiguration configuration,
        CatalogReads catalogs, HttpContext context, CancellationToken ct)
    {
        var source = await BaselineReads.LoadForWriteAsync(log, request, id, ct);
        var (body, bytes, force) = await DeriveRequestReader.ReadAsync(request, ConfigUploads.MaxConfigBytes(configuration), ct);
        await validator.ValidateAndThrowAsync(body, ct);
        var config = bytes is null ? null : KernelConfigParser.Parse(bytes);
        var existing = await BaselineReads.LoadAsync(log, body.Id, ct);
        var created = BaselineDecisions.Create(existing?.State, body.Id, source.State.Platform, body.KernelVersion,
            body.Variant ?? source.View.Variant, source.State);
        var import = config is null ? null : await PlanImportAsync(log, created, config, force, ct);
        var renames = await RenamesAsync(catalogs, id, created, ct);

        CarriedDecisions carried = CarriedDecisions.None;
        var appended = await log.AppendAsync([Locks.BaselineShared(id)], async (connection, token) =>
        {
            carried = CarriedDecisions.Plan(await BaselineDecisionStreams.LoadAsync(log, connection, id, token), created.Id, config?.Values, renames);
            object[] events = import?.Event is { } imported ? [created, imported] : [created];
            return [StreamAppend.Start(Baseline.StreamId(created.Id), events), .. carried.Appends];
        }, Actor.Metadata(context, $"derive {created.Id} from {id}{force.Note}"), ct);

        ETags.Set(context.Response, appended.VersionOf(Baseline.StreamId(created.Id)));
        return TypedResults.Created($"/api/baselines/{created.Id}", new Response(created.Id, id, carried.Appends.Count,
            carried.Missing, carried.Suspect, SymbolCheck(config), import?.Result(carried.Missing, names ?? false), carried.LeftCatalog));
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
