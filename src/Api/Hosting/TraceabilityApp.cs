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
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Traceability.Api.Web;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.ReadModels;
using Traceability.Projections.Trust;

namespace Traceability.Api.Hosting;

/// <summary>Composition: what the service is made of and how requests flow through it.</summary>
public static class TraceabilityApp
{
    /// <param name="args">The command line.</param>
    /// <param name="serving">False for JasperFx's commands (codegen, resources), which never listen.</param>
    public static WebApplication Build(string[] args, bool serving = true)
    {
        var demo = args.Contains(DemoLoader.Switch);
        var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoLoader.Switch).ToArray());
        builder.Services.AddSingleton(ServiceDataDirectory.Resolve(builder.Configuration, builder.Environment.ContentRootPath));
        AddServices(builder);
        if (demo) builder.Services.AddHostedService<DemoLoader>();
        var app = builder.Build();
        // Asked before the pipeline is mapped: mapping Wolverine's endpoints already opens the database.
        if (serving && ListenAddresses.Binds(app.Services) && ListenAddresses.FirstInUse(app.Configuration) is { } taken) throw new PortInUse(taken);
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ServiceKeys>();
        services.AddSingleton(sp => sp.GetRequiredService<ServiceKeys>().Key);
        services.AddSingleton(sp => sp.GetRequiredService<ServiceKeys>().Trusted);
        services.AddSingleton<Database>();
        services.AddSingleton(sp => sp.GetRequiredService<Database>().DataSource);
        services.AddSingleton<ChainSealer>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<LogVerifier>();
        services.AddSingleton<ReadModelRebuild>();
        services.AddSingleton<CatalogReads>();
        services.AddSingleton(sp => KeyPepper.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceDataDirectory>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyPepper))));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<KeyBootstrap>();
        services.AddSingleton<CatalogJobs>();
        services.AddSingleton<HeavyReads>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<ChainSealingService>();
        // The schema comes from the migrations (AutoCreate.None); the daemon runs each async projection on one instance (HotCold).
        var marten = services.AddMarten(sp =>
        {
            var options = new StoreOptions();
            MartenConfiguration.Configure(options, sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ServiceKey>());
            options.Listeners.Add(new WriteOutcome.Listener());
            return options;
        }).AddAsyncDaemon(DaemonMode.HotCold);
        builder.AddCommandHandling(marten);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailing.Complete);
        services.AddExceptionHandler<ProblemMapping>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new TimestampJson());
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
        app.UseSecurityHeaders();
        WriteOutcome.UseWriteOutcome(app);
        app.UseExceptionHandler();
        app.UsePreconditionFailedWithETag();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(o => o.EnablePersistAuthorization());
        app.UseWebAssets();
        app.UseRequestLimits();
        app.UseControlCharacterGuard();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealth();
        app.MapCatalogs();
        app.MapKeys();
        app.MapPlatforms();
        app.MapHardwareFeatures();
        app.MapAssumptions();
        app.MapCommandEndpoints();
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
