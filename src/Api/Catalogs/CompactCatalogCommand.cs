using System.Globalization;
using Traceability.Domain.Catalogs;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Catalogs;

/// <summary>
/// <c>compact-catalog &lt;kernel-tree&gt; --kernel-version V --architecture A [--source S] --out F</c>: parses a
/// kernel tree as POST /api/catalogs would and writes the compact catalog (scripts/make-catalogs.sh makes
/// samples/catalogs this way). No web host, no database. Exit 0 written, 1 the tree could not be read, 2 usage.
/// </summary>
public static class CompactCatalogCommand
{
    public const string Name = "compact-catalog";
    private const string Usage = "usage: compact-catalog <kernel-tree> --kernel-version <6.12.117> --architecture <arm64|x86|riscv> [--source <text>] --out <file.json.gz>";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? tree = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--kernel-version" or "--architecture" or "--source" or "--out" && i + 1 < args.Count) options[args[i]] = args[++i];
            else if (tree is null && !args[i].StartsWith("--", StringComparison.Ordinal)) tree = args[i];
            else return Fail(error, $"unexpected argument '{args[i]}'");
        }
        var version = options.GetValueOrDefault("--kernel-version");
        var architecture = CatalogArchitectures.Of(options.GetValueOrDefault("--architecture"));
        if (tree is null || !File.Exists(Path.Combine(tree, "Kconfig"))) return Fail(error, "give a kernel tree: a directory holding the top-level Kconfig");
        if (!CatalogDecisions.IsKernelVersion(version)) return Fail(error, "--kernel-version must look like 6.12.117");
        if (architecture is null) return Fail(error, $"--architecture must be one of {string.Join(", ", CatalogArchitectures.All)}");
        if (!options.TryGetValue("--out", out var file)) return Fail(error, "--out names the file to write");
        return Write(tree, version!, architecture, options.GetValueOrDefault("--source") ?? Path.GetFileName(Path.GetFullPath(tree)), file, output, error);
    }

    private static int Write(string tree, string version, string architecture, string source, string file, TextWriter output, TextWriter error)
    {
        KconfigCatalog parsed;
        try
        {
            parsed = KconfigParser.Parse(CatalogTrees.Directory(tree), KconfigParser.VariablesFor(architecture));
        }
        catch (KconfigTreeTooLarge e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
        using (var stream = File.Create(file)) CompactCatalog.From(parsed, version, architecture, source).WriteTo(stream);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {parsed.Symbols.Count:N0} symbols of {version}/{architecture} from {parsed.Files.Count:N0} files, {parsed.Problems.Count} problems, {new FileInfo(file).Length:N0} bytes"));
        foreach (var problem in parsed.Problems) output.WriteLine($"  problem {problem}");
        return 0;
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"{Name}: {problem}");
        error.WriteLine(Usage);
        return 2;
    }
}
