using System.Collections.Concurrent;

namespace Traceability.Projections.Trust;

/// <summary>
/// Long-lived threads of their own that make the appends' signatures (one on a machine of up to seven cores). The same
/// ECDSA signature made on the writers' own thread-pool threads cost them more than the signing itself: at 16 writers
/// the API-shaped append reached 0.57, 0.70 and 0.54 of stock Marten that way against 0.80, 0.81 and 0.60 with its
/// signatures made here, in three runs that measured both (bench/README, "The appends' signatures on a thread of
/// their own"; the append without the lock came out either way).
/// One thread makes about 23,000 signatures a second on this machine, several times what the store appends here; a
/// larger machine gets one more per four cores, to keep ahead of its writers there too (not measured: this one has two).
/// </summary>
internal static class SigningThreads
{
    private sealed record Request(ServiceKey Key, byte[] Message, TaskCompletionSource<byte[]> Signed);

    /// <summary>One per four cores, at least one.</summary>
    public static int Threads { get; } = Math.Max(1, Environment.ProcessorCount / 4);

    private static readonly BlockingCollection<Request> Requests = Start();

    private static BlockingCollection<Request> Start()
    {
        var requests = new BlockingCollection<Request>();
        for (var i = 0; i < Threads; i++) new Thread(() => Serve(requests)) { IsBackground = true, Name = $"append signer {i + 1}" }.Start();
        return requests;
    }

    private static void Serve(BlockingCollection<Request> requests)
    {
        foreach (var request in requests.GetConsumingEnumerable())
        {
            try
            {
                request.Signed.SetResult(request.Key.Sign(request.Message));
            }
            catch (Exception ex)
            {
                // A disposed key, or anything else: that request fails, the thread goes on serving the others.
                request.Signed.SetException(ex);
            }
        }
    }

    /// <summary>The signature <see cref="ServiceKey.Sign"/> gives, made on a signing thread; the caller's continuation runs on the thread pool.</summary>
    public static Task<byte[]> SignAsync(ServiceKey key, byte[] message)
    {
        var signed = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add(new Request(key, message, signed));
        return signed.Task;
    }
}
