using System.Globalization;

namespace Traceability.Bench.Load;

/// <summary>Options of <c>bench load</c>: how long, how many concurrent clients, how many symbols they contend for.</summary>
public sealed record LoadOptions(TimeSpan Duration, int Clients, int Symbols, string? OutFile)
{
    public const string Usage = "load [--seconds N] [--clients N] [--symbols N] [--out FILE]";

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var (seconds, clients, symbols, outFile) = (60, 32, 200, (string?)null);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Count: seconds = Positive(args[++i]); break;
                case "--clients" when i + 1 < args.Count: clients = Positive(args[++i]); break;
                case "--symbols" when i + 1 < args.Count: symbols = Positive(args[++i]); break;
                case "--out" when i + 1 < args.Count: outFile = args[++i]; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Usage: {Usage}");
            }
        }
        return new LoadOptions(TimeSpan.FromSeconds(seconds), clients, symbols, outFile);
    }

    private static int Positive(string text) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"'{text}' is not a positive number. Usage: {Usage}");
}
