using System.Text.RegularExpressions;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Catalogs;

/// <summary>A build's progress: the Kconfig files the parser has read and the config/menuconfig entries in them.</summary>
public sealed partial class CountingSource(IKconfigSource inner) : IKconfigSource
{
    private int _files;
    private int _symbols;

    public int Files => Volatile.Read(ref _files);
    public int Symbols => Volatile.Read(ref _symbols);

    public KconfigFile Read(string path)
    {
        var file = inner.Read(path);
        if (file.Text is { } text)
        {
            Interlocked.Increment(ref _files);
            Interlocked.Add(ref _symbols, Entry().Count(text));
        }
        return file;
    }

    [GeneratedRegex(@"^[ \t]*(?:menu)?config[ \t]+\w", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
