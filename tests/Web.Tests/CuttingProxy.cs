using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Traceability.Web.Tests;

/// <summary>What the proxy passes on of the service's answer to a request it cuts before it closes the connection.</summary>
public enum CutAt
{
    /// <summary>Nothing: the caller sees the connection close with no answer.</summary>
    Answer,

    /// <summary>The status line, the headers and half of the body: the caller sees the status, and the body break off.</summary>
    Body,
}

/// <summary>
/// A loopback HTTP/1.1 proxy in front of the service that passes reads on and cuts writes (or the requests it is told
/// to cut): such a request reaches the service, which carries it out and answers, and then the connection to the caller
/// is closed without that answer, or in its body (<see cref="CutAt"/>). One request per connection (it asks the service
/// to close after answering).
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _cut;
    private int _disposed;

    private readonly CutAt _cutAt;

    private readonly Func<string, bool> _cuts;

    /// <param name="upstream">The service.</param>
    /// <param name="cutAt">How much of a cut request's answer reaches the caller.</param>
    /// <param name="cuts">Which requests to cut, by their request line ("GET /api/... HTTP/1.1"); writes when not given.</param>
    public CuttingProxy(Uri upstream, CutAt cutAt = CutAt.Answer, Func<string, bool>? cuts = null)
    {
        (_upstream, _cutAt, _cuts) = (upstream, cutAt, cuts ?? (line => !line.StartsWith("GET ", StringComparison.Ordinal) && !line.StartsWith("HEAD ", StringComparison.Ordinal)));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>How many requests reached the service and had their answers withheld.</summary>
    public int Cut => Volatile.Read(ref _cut);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        var caller = client.GetStream();
        var (head, body) = await ReadRequestAsync(caller);
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(_upstream.Host, _upstream.Port);
        var service = upstream.GetStream();
        await service.WriteAsync(Encoding.ASCII.GetBytes(WithConnectionClose(head)));
        await service.WriteAsync(body);
        var answer = new MemoryStream();
        await service.CopyToAsync(answer);
        if (!_cuts(head[..head.IndexOf("\r\n", StringComparison.Ordinal)]))
        {
            await caller.WriteAsync(answer.ToArray());
            return;
        }
        Interlocked.Increment(ref _cut);
        if (_cutAt == CutAt.Body)
        {
            var bytes = answer.ToArray();
            var bodyStart = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
            await caller.WriteAsync(bytes.AsMemory(0, bodyStart + (bytes.Length - bodyStart) / 2));
            await caller.FlushAsync();
        }
        client.Client.Shutdown(SocketShutdown.Both);
    }

    private static string WithConnectionClose(string head)
    {
        var lines = head.Split("\r\n").Where(l => l.Length > 0 && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        return string.Join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    }

    /// <summary>The request head (up to the blank line) and its body, by Content-Length or chunked, as sent.</summary>
    private static async Task<(string Head, byte[] Body)> ReadRequestAsync(Stream caller)
    {
        var buffer = new List<byte>();
        while (!EndsWith(buffer, "\r\n\r\n"u8)) buffer.Add(await ReadByteAsync(caller));
        var head = Encoding.ASCII.GetString([.. buffer]);
        var body = new List<byte>();
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null)
        {
            for (var i = int.Parse(length[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture); i > 0; i--) body.Add(await ReadByteAsync(caller));
        }
        else if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // Chunks until the last (size 0) and the blank line after it (no trailers are sent by HttpClient).
            while (!EndsWith(body, "\r\n0\r\n\r\n"u8) && !(body.Count == 5 && EndsWith(body, "0\r\n\r\n"u8))) body.Add(await ReadByteAsync(caller));
        }
        return (head, [.. body]);
    }

    private static async Task<byte> ReadByteAsync(Stream stream)
    {
        var one = new byte[1];
        if (await stream.ReadAsync(one) == 0) throw new EndOfStreamException("The caller closed the connection mid-request.");
        return one[0];
    }

    private static bool EndsWith(List<byte> bytes, ReadOnlySpan<byte> tail) =>
        bytes.Count >= tail.Length && System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[^tail.Length..].SequenceEqual(tail);

    /// <summary>Stops listening: a call made afterwards finds no one at the address (connection refused). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
