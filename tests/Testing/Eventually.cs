namespace Traceability.Testing;

/// <summary>Waits on a condition (never on the clock alone), failing with a clear message after a generous bound.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeoutSeconds}s waiting for: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
