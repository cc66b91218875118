using Microsoft.AspNetCore.Authentication;
using Traceability.Api.Activity;
using Traceability.Api.Assumptions;
using Traceability.Api.Audit;
using Traceability.Api.Baselines;
using Traceability.Api.Catalogs;
using Traceability.Api.Conformance;
using Traceability.Api.Decisions;
using Traceability.Api.Demo;
using Traceability.Api.Diff;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Health;
using Traceability.Api.Http;
using Traceability.Api.Keys;
using Traceability.Api.Matrix;
using Traceability.Api.Platforms;
using Traceability.Api.Requirements;
using Traceability.Api.Traces;
using Traceability.Api.Web;
using Traceability.Domain;
using Traceability.Projections.Activity;
using Traceability.Projections.Daemon;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.Links;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Hosting;

/// <summary>Composition: what the service is made of and how requests flow through it.</summary>
public static class TraceabilityApp
{
    public static WebApplication Build(string[] args)
    {
        var demo = args.Contains(DemoLoader.Switch);
        var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoLoader.Switch).ToArray());
        AddServices(builder.Services);
        if (demo) builder.Services.AddHostedService<DemoLoader>();
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<Database>();
        services.AddSingleton(sp => sp.GetRequiredService<Database>().DataSource);
        services.AddSingleton(new EventTypeRegistry([.. EventCatalog.All, .. ApiKeyEvents.All]));
        services.AddSingleton<EventSerializer>();
        services.AddSingleton<IInlineProjection, ApiKeysProjection>();
        services.AddSingleton<IInlineProjection, DecisionLinksProjection>();
        services.AddSingleton<MatrixProjection>();
        services.AddSingleton<IInlineProjection>(sp => sp.GetRequiredService<MatrixProjection>());
        services.AddSingleton<EventStore>();
        services.AddSingleton<CatalogReads>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<KeyBootstrap>();
        services.AddSingleton<AuditSigningKey>();
        services.AddSingleton<IAsyncProjection, ActivityProjection>();
        services.AddSingleton(new DaemonOptions());
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddWebSession();
        services.AddAuthorization(Roles.AddPolicies);
        services.AddValidators();
        services.AddSwagger();
        services.AddRequestLimits();
        services.AddWebPages();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UsePreconditionFailedWithETag();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(o => o.EnablePersistAuthorization());
        app.UseWebAssets();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealth();
        app.MapCatalogs();
        app.MapKeys();
        app.MapPlatforms();
        app.MapHardwareFeatures();
        app.MapAssumptions();
        app.MapRequirements();
        app.MapDecisions();
        app.MapBaselines();
        app.MapTraces();
        app.MapBaselineDiff();
        app.MapConformance();
        app.MapMatrix();
        app.MapAudit();
        app.MapActivity();
        app.MapWebPages();
    }
}
