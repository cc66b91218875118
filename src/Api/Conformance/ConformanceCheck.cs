using Traceability.Domain.Kconfig;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Conformance;

/// <summary>
/// Compares a parsed .config with a baseline's decisions. Pure: the file is parsed once, the
/// decisions read once, and every comparison is a dictionary lookup. Deviation and symbol-missing
/// are the matrix's own definitions (MatrixRow), applied to the checked file's value.
/// </summary>
public static class ConformanceCheck
{
    public static ConformanceReport Evaluate(CheckTarget target, KernelConfig file, CheckedDecisions decisions, bool strict)
    {
        var deviations = new List<ConformanceDeviation>();
        var missing = new List<MissingSymbol>();
        var pending = new List<PendingDecision>();
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decision in decisions.Rows)
        {
            var row = decision with { ConfigValue = file.Values.GetValueOrDefault(decision.Symbol) };
            var symbol = KconfigSymbol.Display(row.Symbol);
            if (row.Status == MatrixRow.Approved)
            {
                approved.Add(row.Symbol);
                if (row.Deviation) deviations.Add(new(symbol, row.DecidedValue!, row.ConfigValue!, row.Rationale));
                // A resolved .config leaves out what is not set, so absence conforms to a decided n.
                else if (row.SymbolMissing && row.DecidedValue != ConfigValue.No) missing.Add(new(symbol, row.DecidedValue!, row.Rationale));
            }
            else if (row.Unapproved)
            {
                pending.Add(new(symbol, row.Status!, row.DecidedValue!, row.ConfigValue));
                if (row.Status == MatrixRow.Proposed) proposed.Add(row.Symbol);
            }
        }
        var undecided = Undecided(file, approved, proposed);
        var pass = deviations.Count == 0 && missing.Count == 0 && (!strict || undecided.Count == 0);
        var warnings = Warnings(target, file);
        var counts = new ConformanceCounts(pass, strict, deviations.Count, missing.Count, undecided.Count, file.Values.Count, warnings.Count);
        return new ConformanceReport(
            target.Id, pass, strict, ConformanceText.Summary(target.Id, file.Sha256, counts),
            new CheckedFile(file.Sha256, file.Architecture, file.KernelVersion, file.Values.Count),
            new CheckedAgainst(approved.Count, decisions.AsOfSeq, target.Architecture, target.KernelVersion),
            deviations, missing, undecided, pending, warnings);
    }

    private static UndecidedSymbols Undecided(KernelConfig file, HashSet<string> approved, HashSet<string> proposed)
    {
        var symbols = file.Entries
            .Where(e => ConfigValue.IsEnabled(e.Value) && !approved.Contains(e.Symbol))
            .Select(e => e.Symbol)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new UndecidedSymbols(
            symbols.Count,
            symbols.ConvertAll(KconfigSymbol.Display),
            symbols.Where(proposed.Contains).Select(KconfigSymbol.Display).ToList());
    }

    /// <summary>A file for another architecture or kernel is checked all the same: CI may test a candidate before its baseline exists.</summary>
    private static List<string> Warnings(CheckTarget target, KernelConfig file)
    {
        if (file.Architecture is null || file.KernelVersion is null)
        {
            return ["The file has no '# Linux/<arch> <version> Kernel Configuration' header: its architecture and kernel version were not compared with the baseline's."];
        }
        var warnings = new List<string>();
        if (target.Architecture is not null && file.Architecture != target.Architecture)
            warnings.Add($"The file is for architecture {file.Architecture}, the baseline's platform is {target.Architecture}.");
        if (file.KernelVersion != target.KernelVersion)
            warnings.Add($"The file is for kernel {file.KernelVersion}, the baseline is kernel {target.KernelVersion}.");
        return warnings;
    }
}
