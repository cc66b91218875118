using System.Runtime.InteropServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.FileProviders;
using Traceability.Api.Hosting;
using Traceability.Api.Web.Assumptions;
using Traceability.Api.Web.Audit;
using Traceability.Api.Web.Baselines;
using Traceability.Api.Web.Check;
using Traceability.Api.Web.Decisions;
using Traceability.Api.Web.Diff;
using Traceability.Api.Web.Features;
using Traceability.Api.Web.Requirements;
using Traceability.Api.Web.Review;
using Traceability.Api.Web.Session;

namespace Traceability.Api.Web;

/// <summary>Marks the web pages' endpoints (as opposed to the API's): tests walk them to prove every page refuses the roles it must.</summary>
public sealed class WebPageEndpoint;

/// <summary>The web pages: services, the embedded CSS/JS under /assets, and the page routes.</summary>
public static class WebSetup
{
    public const string KeyRingSetting = "Web:KeyRingDirectory";

    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddAntiforgery(Forms.Configure);
        services.AddHttpClient(ApiClients.Name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddSingleton<SelfAddress>();
        services.AddSingleton<ApiClients>();
        services.AddSingleton<BaselineHeaders>();
        services.AddAuthorization(WebPolicies.Add);
        services.AddDataProtection().SetApplicationName("traceability");
        // The key ring that encrypts session cookies is shared through a directory, so a restart or a second instance reads the same sessions.
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ServiceDataDirectory, ILoggerFactory>((options, configuration, data, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(KeyRingDirectory(configuration, data), logs));
        return services;
    }

    /// <summary>
    /// Web:KeyRingDirectory, or web-keys/ in the service data directory (apart from the signing key's keys/); owner-only.
    /// </summary>
    public static DirectoryInfo KeyRingDirectory(IConfiguration configuration, ServiceDataDirectory data)
    {
        var configured = configuration[KeyRingSetting];
        var path = data.Resolve(string.IsNullOrWhiteSpace(configured) ? "web-keys" : configured);
        var directory = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }

    /// <summary>Before authentication: the stylesheet and script are public and carry nothing of anyone's.</summary>
    public static IApplicationBuilder UseWebAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = "/assets",
        FileProvider = new EmbeddedFileProvider(typeof(WebSetup).Assembly, "Traceability.Api.wwwroot"),
        OnPrepareResponse = file =>
        {
            file.Context.Response.Headers.XContentTypeOptions = "nosniff";
            file.Context.Response.Headers.CacheControl = "no-cache";
        },
    });

    public static void MapWebPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithMetadata(new WebPageEndpoint()).AddEndpointFilter(ErrorPages.Filter).ExcludeFromDescription();
        pages.MapSessionPages();
        pages.MapBaselinePages();
        pages.MapDecisionPages();
        pages.MapReviewPages();
        pages.MapAssumptionPages();
        pages.MapFeaturePages();
        pages.MapRequirementPages();
        pages.MapAuditPages();
        pages.MapCheckPages();
        pages.MapDiffPages();
    }
}
