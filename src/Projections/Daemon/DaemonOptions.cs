namespace Traceability.Projections.Daemon;

public sealed class DaemonOptions
{
    public int BatchSize { get; set; } = 500;

    /// <summary>How long an idle runner waits for a NOTIFY before it looks at the log anyway.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a standby instance tries to take over a projection whose runner died.</summary>
    public TimeSpan TakeoverInterval { get; set; } = TimeSpan.FromSeconds(2);
}
