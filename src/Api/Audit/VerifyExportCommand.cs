using Traceability.Projections.Audit;

namespace Traceability.Api.Audit;

/// <summary>
/// <c>verify-export &lt;file.zip&gt; [--public-key key.pem]</c>: the offline check, run before any web host
/// or database exists. Exit 0 valid, 1 invalid, 2 usage (or an unreadable file).
/// </summary>
public static class VerifyExportCommand
{
    public const string Name = "verify-export";
    private const string Usage = "usage: verify-export <export.zip> [--public-key <key.pem>]...";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? zipPath = null;
        var keyPaths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--public-key" && i + 1 < args.Count) keyPaths.Add(args[++i]);
            else if (zipPath is null && !args[i].StartsWith("--", StringComparison.Ordinal)) zipPath = args[i];
            else return Fail(error, $"unexpected argument '{args[i]}'");
        }
        if (zipPath is null) return Fail(error, "no export given");
        if (!File.Exists(zipPath)) return Fail(error, $"{zipPath} does not exist");
        if (keyPaths.FirstOrDefault(p => !File.Exists(p)) is { } missing) return Fail(error, $"{missing} does not exist");
        var keys = keyPaths.Select(File.ReadAllText).ToList();
        using var zip = File.OpenRead(zipPath);
        ExportVerification result;
        try
        {
            result = ExportVerifier.Verify(zip, keys);
        }
        catch (InvalidDataException ex)
        {
            output.WriteLine($"FAIL entries: {zipPath} is not a readable zip archive ({ex.Message})");
            return 1;
        }
        catch (ExportLimitExceeded ex)
        {
            output.WriteLine($"FAIL entries: {zipPath} is larger than an audit export can be: {ex.Message}");
            return 1;
        }
        foreach (var line in result.Lines()) output.WriteLine(line);
        return result.Valid ? 0 : 1;
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"verify-export: {problem}");
        error.WriteLine(Usage);
        return 2;
    }
}
