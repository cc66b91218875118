using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Traceability.Api.Web;

/// <summary>
/// Where page handlers reach the service's own API: Web:ApiAddress when set, else the address Kestrel
/// listens on, with a wildcard host (0.0.0.0, [::], +, *) replaced by 127.0.0.1. Going through HTTP means
/// a page gets exactly what any client of the API gets: the same authorization, validation and errors.
/// </summary>
public sealed class SelfAddress(IServer server, IConfiguration configuration)
{
    public const string Setting = "Web:ApiAddress";
    private Uri? _address;

    public Uri Value => _address ??= Resolve();

    private Uri Resolve()
    {
        if (configuration[Setting] is { Length: > 0 } configured) return new Uri(configured);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Plain HTTP first: a loopback call needs no certificate that matches 127.0.0.1.
        var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException($"The service listens on no address the pages could call; set {Setting}.");
        var binding = BindingAddress.Parse(chosen);
        var host = binding.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "127.0.0.1" : binding.Host;
        return new UriBuilder(binding.Scheme, host, binding.Port).Uri;
    }
}
