namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// How the parser reads files: the text of a file by its path relative to the tree's root
/// ("arch/arm64/Kconfig"), or null when there is no such file. The parser does no I/O itself.
/// </summary>
public interface IKconfigSource
{
    string? Read(string path);
}

/// <summary>Sources backed by a function or by an in-memory map (for tests and uploaded trees).</summary>
public static class KconfigSources
{
    public static IKconfigSource From(Func<string, string?> read) => new FuncSource(read);

    public static IKconfigSource From(IReadOnlyDictionary<string, string> files) =>
        new FuncSource(path => files.GetValueOrDefault(path));

    private sealed class FuncSource(Func<string, string?> read) : IKconfigSource
    {
        public string? Read(string path) => read(path);
    }
}
