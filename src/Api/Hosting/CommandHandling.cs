using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Traceability.Api.Catalogs;
using Traceability.Api.Commands;
using Traceability.Projections.Events;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Hosting;

/// <summary>
/// Wolverine: the write endpoints (aggregate handler workflow on Marten) and the durable jobs. Its code is
/// generated ahead of time (src/Api/Internal/Generated, `dotnet run --project src/Api -p:SkipGeneratedCode=true -- codegen write`) and
/// loaded statically: no Roslyn at run time. Its tables come from the migrations like Marten's.
/// </summary>
public static class CommandHandling
{
    public static void AddCommandHandling(this WebApplicationBuilder builder, MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.IntegrateWithWolverine(w => w.MessageStorageSchemaName = MartenConfiguration.Schema);
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(CommandHandling).Assembly;
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            opts.Durability.Mode = DurabilityMode.Balanced;
            Durability(opts.Durability);
            // Catalog builds: one at a time per node (a kernel tree's parse holds ~1 GB), from the durable inbox.
            opts.PublishMessage<BuildCatalogJob>().ToLocalQueue(CatalogJobHandler.Queue);
            opts.LocalQueue(CatalogJobHandler.Queue).UseDurableInbox().Sequential();
            opts.OnException<BuildingElsewhere>().ScheduleRetryIndefinitely(CatalogJobHandler.RetryWhileBuildingElsewhere);
        });
        builder.Services.AddWolverineHttp();
    }

    /// <summary>
    /// A job whose node died (kill -9, a crash) is owned by that node's number until the leader finds the node stale
    /// and releases its inbox to whoever runs next. Heartbeats every 5 s (default 10) with a node stale after 20 s
    /// (default 1 min) and the reassignment polled every 2 s (default 5) let a restarted service take a build over
    /// in about half a minute instead of more than a minute; four missed heartbeats are still needed to eject a live node.
    /// </summary>
    private static void Durability(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(5);
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(20);
        durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(2);
        durability.FirstHealthCheckExecution = TimeSpan.FromSeconds(1);
    }

    public static void MapCommandEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(o =>
        {
            // A query value that does not parse (?names=maybe) is a 400, as on the minimal API endpoints, not a silent default.
            o.RejectUnparseableQueryValues = true;
            o.AddParameterHandlingStrategy<RequestBodyStrategy>();
            o.AddPolicy<WritePipeline>();
        });
}
