namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>
/// How the parser reads files: a file by its path relative to the tree's root ("arch/arm64/Kconfig").
/// The parser does no I/O itself; a source decides what it may read (inside the tree, regular files,
/// not too large) and says why it refused the rest, without their content.
/// </summary>
public interface IKconfigSource
{
    KconfigFile Read(string path);
}

/// <summary>A file's text; or neither text nor refusal: there is no such file; or a short reason why it was not read.</summary>
public sealed record KconfigFile(string? Text, string? Refusal)
{
    public static KconfigFile Missing { get; } = new(null, null);

    public static KconfigFile Of(string text) => new(text, null);

    public static KconfigFile Refused(string reason) => new(null, reason);
}

/// <summary>Sources backed by a function or by an in-memory map (for tests and uploaded trees).</summary>
public static class KconfigSources
{
    public static IKconfigSource From(Func<string, string?> read) => new FuncSource(path => read(path) is { } text ? KconfigFile.Of(text) : KconfigFile.Missing);

    public static IKconfigSource From(Func<string, KconfigFile> read) => new FuncSource(read);

    public static IKconfigSource From(IReadOnlyDictionary<string, string> files) => From(path => files.GetValueOrDefault(path));

    private sealed class FuncSource(Func<string, KconfigFile> read) : IKconfigSource
    {
        public KconfigFile Read(string path) => read(path);
    }
}
