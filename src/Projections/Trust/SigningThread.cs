using System.Collections.Concurrent;

namespace Traceability.Projections.Trust;

/// <summary>
/// One long-lived thread that makes the appends' signatures, in the order they are asked for. The same ECDSA
/// signature made on the writers' own thread-pool threads cost them far more than the signing itself: at 16 writers
/// the API-shaped append reached 0.57 and 0.70 of stock Marten that way against 0.80 and 0.81 with its signatures
/// made here, in two runs that measured both (bench/README, "The appends' signatures on a thread of their own").
/// One thread makes about 23,000 signatures a second on this machine, several times what the store appends.
/// </summary>
internal static class SigningThread
{
    private sealed record Request(ServiceKey Key, byte[] Message, TaskCompletionSource<byte[]> Signed);

    private static readonly BlockingCollection<Request> Requests = Start();

    private static BlockingCollection<Request> Start()
    {
        var requests = new BlockingCollection<Request>();
        new Thread(() => Serve(requests)) { IsBackground = true, Name = "append signer" }.Start();
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

    /// <summary>The signature <see cref="ServiceKey.Sign"/> gives, made on the signing thread; the caller's continuation runs on the thread pool.</summary>
    public static Task<byte[]> SignAsync(ServiceKey key, byte[] message)
    {
        var signed = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add(new Request(key, message, signed));
        return signed.Task;
    }
}
