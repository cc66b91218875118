using Traceability.Domain.Catalogs;
using Traceability.Projections.Events;

namespace Traceability.Api.Catalogs;

/// <summary>A catalog as listed: what it covers, where it came from, who built it, what the parser reported.</summary>
public sealed record CatalogView(
    string KernelVersion,
    string Architecture,
    string Source,
    int SymbolCount,
    IReadOnlyList<string> Problems,
    string BuiltBy,
    DateTimeOffset Built,
    long Version)
{
    public const string StreamType = "catalog";

    public static CatalogView? From(RecordedEvent built, long version) => built.Data is CatalogBuilt b
        ? new CatalogView(b.KernelVersion, b.Architecture, b.Source, b.SymbolCount, b.Problems, built.Metadata.Actor, built.Timestamp, version)
        : null;
}
