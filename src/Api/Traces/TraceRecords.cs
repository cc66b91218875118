using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Traces;

/// <summary>
/// One decision as a trace shows it: the symbol (with CONFIG_), the baseline's current config value, and
/// the decision's value, status and matrix flags. A withdrawn decision is listed with its status, so the
/// trace shows every link ever recorded in the current state, not only the ones still in force.
/// </summary>
public sealed record SymbolDecision(
    string Symbol, string? ConfigValue, string? Value, string? Status, int? Revision, bool Suspect, IReadOnlyList<string> Flags)
{
    public static SymbolDecision From(MatrixRow row) => new(
        KconfigSymbol.Display(row.Symbol), row.ConfigValue, row.DecidedValue, row.Status, row.Revision, row.IsSuspect, row.Flags);
}

/// <summary>The decisions of one baseline, with what identifies the baseline to a reader: its platform and kernel version.</summary>
public sealed record DecisionsInBaseline(string Baseline, string? Platform, string? KernelVersion, IReadOnlyList<SymbolDecision> Decisions);
