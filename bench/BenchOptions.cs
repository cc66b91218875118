namespace Traceability.Bench;

/// <summary>Command-line options; <c>--quick</c> trades precision for a run short enough for a smoke check.</summary>
public sealed record BenchOptions(bool Quick, string? OutFile)
{
    public TimeSpan WarmUp => Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(1);
    public TimeSpan Duration => Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
    public int BulkRepeats => Quick ? 2 : 5;
    public int BulkSize { get; } = 10_000;
    public IReadOnlyList<int> Concurrency { get; } = [1, 4, 16];

    public static BenchOptions Parse(string[] args)
    {
        var (quick, outFile) = (false, (string?)null);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Usage: [--quick] [--out FILE]");
            }
        }
        return new BenchOptions(quick, outFile);
    }
}
