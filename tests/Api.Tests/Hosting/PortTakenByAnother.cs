using System.Net;
using System.Net.Sockets;
using Traceability.Api.Hosting;

namespace Traceability.Api.Tests.Hosting;

/// <summary>
/// An in-memory test host never listens, so the service's "is the port free" probe must not judge it. Before,
/// every such host probed http://localhost:5000 by binding it for a moment: two fixtures starting at once could
/// take the port from each other, and the loser's Program returned exit status 3, which the test framework
/// reported as "The server has not been started" (CI, stop 21: the seven DemoWithCatalogs tests). A ./run.sh
/// on the developer's machine stopped every fixture the same way.
/// </summary>
public sealed class PortTakenByAnother
{
    [Fact]
    public async Task An_in_memory_host_starts_while_the_default_port_is_taken()
    {
        using var holder = Hold(new Uri(ListenAddresses.DefaultUrls).Port);
        var api = new ApiFixture();
        try
        {
            await api.InitializeAsync();

            Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>Listens on the loopback port; null when something else already does, which takes it just as well.</summary>
    private static TcpListener? Hold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            return null;
        }
    }
}
