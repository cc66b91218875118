using System.Text.Json.Serialization;
using Traceability.Domain.Baselines;
using Traceability.Domain.Kconfig;

namespace Traceability.Api.Baselines;

/// <summary>Symbols is null (left out) unless the request asked for names (?names=true): a first import adds ~11,000.</summary>
public sealed record SymbolList(
    int Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Symbols);

public sealed record ValueChange(string Symbol, string? Old, string? New);

/// <summary>Items is null (left out) unless the request asked for names (?names=true).</summary>
public sealed record ChangeList(
    int Count, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ValueChange>? Items);

/// <summary>
/// What an import changed since the previous one. Unchanged: the file is identical to the latest
/// import and nothing was written. SymbolMissing: decisions flagged because their symbol is absent.
/// </summary>
public sealed record ConfigImportResult(
    int Revision, string Sha256, string? Architecture, string? KernelVersion, int Symbols, bool Unchanged,
    SymbolList Added, SymbolList Removed, ChangeList Changed, IReadOnlyList<string> SymbolMissing);

/// <summary>The pure part of an import, shared by PUT .../config and derive-with-config.</summary>
public sealed record ConfigImportPlan(ConfigImported? Event, ConfigChanges Changes, KernelConfig Config, Baseline State)
{
    public static ConfigImportPlan Decide(Baseline state, string platformArchitecture, KernelConfig config, ImportForce force)
    {
        var imported = BaselineDecisions.Import(
            state, platformArchitecture, config.Sha256, config.Architecture, config.KernelVersion, config.Values, force.Forced);
        var changes = imported is null
            ? new ConfigChanges([], [], [])
            : ConfigChanges.Compare(state.ConfigRevision == 0 ? null : state.Values, imported.Values);
        return new ConfigImportPlan(imported, changes, config, state);
    }

    /// <summary>Counts always; the symbol names and changed values only when <paramref name="names"/> (issue 12, item 11).</summary>
    public ConfigImportResult Result(IReadOnlyList<string> symbolMissing, bool names) => new(
        Event?.Revision ?? State.ConfigRevision,
        Config.Sha256,
        Config.Architecture,
        Config.KernelVersion,
        Config.Values.Count,
        Event is null,
        Symbols(Changes.Added, names),
        Symbols(Changes.Removed, names),
        new ChangeList(Changes.Changed.Count, names ? Changes.Changed.Select(c => new ValueChange(c.Symbol, c.Old, c.New)).ToArray() : null),
        symbolMissing);

    private static SymbolList Symbols(IReadOnlyList<ConfigChange> changes, bool names) =>
        new(changes.Count, names ? changes.Select(c => c.Symbol).ToArray() : null);
}
