using System.Text;
using Traceability.Projections.Trust;

namespace Traceability.Projections.Tests.Log;

/// <summary>
/// Appends are signed on threads of the process's own (<see cref="ServiceKey.SignAsync"/>): many writers at once each get
/// their own message's signature, and a request that fails does not stop them for the others.
/// </summary>
public sealed class SigningOnItsOwnThreads
{
    [Fact]
    public async Task Concurrent_writers_each_get_a_valid_signature_over_their_own_message()
    {
        using var key = ServiceKey.Generate();
        var messages = Enumerable.Range(0, 200).Select(i => Encoding.UTF8.GetBytes($"append {i}")).ToArray();

        var signatures = await Task.WhenAll(messages.Select(m => Task.Run(() => key.SignAsync(m))));

        for (var i = 0; i < messages.Length; i++) Assert.True(key.PublicKey.Verifies(messages[i], signatures[i]), $"signature {i}");
        Assert.False(key.PublicKey.Verifies(messages[0], signatures[1]));
    }

    [Fact]
    public async Task A_request_that_fails_fails_alone_and_the_thread_goes_on_signing()
    {
        var disposed = ServiceKey.Generate();
        disposed.Dispose();
        using var key = ServiceKey.Generate();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => disposed.SignAsync("gone"u8.ToArray()));
        var signature = await key.SignAsync("still here"u8.ToArray());

        Assert.True(key.PublicKey.Verifies("still here"u8, signature));
        Assert.Equal(64, signature.Length);
    }
}
