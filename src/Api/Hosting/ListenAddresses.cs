using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Traceability.Api.Hosting;

/// <summary>
/// Whether the addresses the service will listen on are free, asked before anything starts (issue 12, item 10:
/// a second ./run.sh started a database, then died with a stack trace on the port). The embedded database and
/// the hosted services start before Kestrel binds, so the answer has to come first.
/// </summary>
public static class ListenAddresses
{
    public const string DefaultUrls = "http://localhost:5000";

    /// <summary>
    /// Whether the host's server is Kestrel, the one that binds sockets (an in-memory test server never does). The probe
    /// binds the port for a moment, so probing for a host that never binds would make two such hosts starting at once
    /// refuse each other, and a running ./run.sh would stop every in-process test host.
    /// </summary>
    public static bool Binds(IServiceProvider services) =>
        services.GetService<IServer>()?.GetType().Assembly == typeof(KestrelServerOptions).Assembly;

    /// <summary>The first configured URL whose port is taken; null when all are free (or cannot be checked here).</summary>
    public static string? FirstInUse(IConfiguration configuration)
    {
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : DefaultUrls;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EndPointOf(url) is { } endpoint && !IsFree(endpoint)) return url;
        }
        return null;
    }

    public static string Message(string url) =>
        $"traceability: cannot listen on {url}: the address is already in use (is the service already running?); stop it or pass --urls with another port.";

    private static IPEndPoint? EndPointOf(string url)
    {
        var normalised = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || uri.Port <= 0) return null;
        if (uri.IsLoopback) return new IPEndPoint(IPAddress.Loopback, uri.Port);
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : null;
    }

    private static bool IsFree(IPEndPoint endpoint)
    {
        try
        {
            var listener = new TcpListener(endpoint);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // Not ours to judge (no IPv6, an address not on this host): Kestrel will say.
            return true;
        }
    }
}

/// <summary>The service's address is taken: one line and exit status 3, before the database starts.</summary>
public sealed class PortInUse(string url) : Exception($"{url} is already in use.")
{
    public string Url { get; } = url;
}
