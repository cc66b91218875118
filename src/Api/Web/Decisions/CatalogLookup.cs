using Traceability.Api.Baselines;
using Traceability.Api.Platforms;
using Traceability.Domain.Catalogs;

namespace Traceability.Api.Web.Decisions;

/// <summary>
/// The API path of a baseline's Kconfig catalog: its kernel version and its platform's architecture
/// directory (x86_64 → x86), as the service itself chooses it. Null when the platform's architecture has none.
/// </summary>
public static class CatalogLookup
{
    public static async Task<string?> PathAsync(ApiClient api, BaselineView baseline, CancellationToken ct)
    {
        var platform = await api.GetAsync<PlatformView>(Href.To("api", "platforms", baseline.Platform), ct);
        var architecture = CatalogArchitectures.Of(platform.Value?.Architecture);
        return architecture is null ? null : Href.To("api", "catalogs", baseline.KernelVersion, architecture, "symbols");
    }
}
