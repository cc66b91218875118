using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Traceability.Api.Commands;
using Traceability.Projections.Events;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Traceability.Api.Hosting;

/// <summary>
/// Wolverine: the write endpoints (aggregate handler workflow on Marten) and the durable jobs. Its code is
/// generated ahead of time (src/Api/Internal/Generated, `dotnet run --project src/Api -- codegen write`) and
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
        });
        builder.Services.AddWolverineHttp();
    }

    public static void MapCommandEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(o =>
        {
            o.AddParameterHandlingStrategy<RequestBodyStrategy>();
            o.AddPolicy<WritePipeline>();
        });
}
