using Traceability.Domain.Kconfig;
using Traceability.Domain.Platforms;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Conformance;

/// <summary>
/// Compares a parsed .config with a baseline's decisions. Pure: the file is parsed once, the
/// decisions read once, and every comparison is a dictionary lookup. Deviation, suspect and
/// symbol-missing are the matrix's own definitions (MatrixRow), applied to the checked file's value.
/// </summary>
public static class ConformanceCheck
{
    public static ConformanceReport Evaluate(
        CheckTarget target, KernelConfig file, CheckedDecisions decisions, CheckPolicy policy, IReadOnlyDictionary<string, SuspectMark> marks)
    {
        var found = Classify(file, decisions.Rows, marks);
        var undecided = Undecided(file, found.Approved, found.Proposed);
        var failures = ConformanceFailures.Of(found, undecided, policy);
        var warnings = Warnings(target, file);
        var counts = new ConformanceCounts(failures.Count == 0, policy, found, undecided.Count, file.Values.Count, warnings.Count);
        return new ConformanceReport(
            target.Id, counts.Pass, policy.Strict, policy.Names, ConformanceText.Summary(target.Id, file.Sha256, counts),
            new CheckedFile(file.Sha256, file.Architecture, file.KernelVersion, file.Values.Count),
            new CheckedAgainst(found.Approved.Count, decisions.AsOfPosition, target.Architecture, target.KernelVersion),
            failures, found.Deviations, found.Missing, found.Suspect, found.Pending, found.Absent, undecided, warnings);
    }

    private static Findings Classify(KernelConfig file, IReadOnlyList<MatrixRow> decisions, IReadOnlyDictionary<string, SuspectMark> marks)
    {
        var found = new Findings();
        foreach (var decision in decisions)
        {
            var row = decision with { ConfigValue = file.Values.GetValueOrDefault(decision.Symbol) };
            var symbol = KconfigSymbol.Display(row.Symbol);
            if (row.IsSuspect) found.Suspect.Add(Suspect(row, symbol, marks.GetValueOrDefault(row.Symbol) ?? SuspectMark.Unknown));
            if (row.SymbolMissing) found.Absent.Add(new(symbol, row.Status!, row.DecidedValue!));
            if (row.Status == MatrixRow.Approved)
            {
                found.Approved.Add(row.Symbol);
                if (row.Deviation) found.Deviations.Add(new(symbol, row.DecidedValue!, row.ConfigValue!, row.Rationale));
                // A resolved .config leaves out what is not set, so absence conforms to a decided n.
                else if (row.SymbolMissing && row.DecidedValue != ConfigValue.No) found.Missing.Add(new(symbol, row.DecidedValue!, row.Rationale));
            }
            else if (row.Unapproved)
            {
                found.Pending.Add(new(symbol, row.Status!, row.DecidedValue!, row.ConfigValue));
                if (row.Status == MatrixRow.Proposed) found.Proposed.Add(row.Symbol);
            }
        }
        return found;
    }

    private static SuspectDecision Suspect(MatrixRow row, string symbol, SuspectMark mark) => new(
        symbol, row.Status!, row.DecidedValue!, row.ConfigValue, mark.Cause,
        mark.Position, mark.Position is null ? null : mark.Time, mark.Position is null ? null : mark.Actor, mark.Reason);

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
        // x86_64 configs say Linux/x86: compare as the import does, never by name.
        if (target.Architecture is not null && !Architectures.MatchesConfigHeader(target.Architecture, file.Architecture))
            warnings.Add($"The file is for architecture {file.Architecture}, the baseline's platform is {target.Architecture}.");
        if (file.KernelVersion != target.KernelVersion)
            warnings.Add($"The file is for kernel {file.KernelVersion}, the baseline is kernel {target.KernelVersion}.");
        return warnings;
    }
}

/// <summary>What the comparison found, before the policy says what fails.</summary>
public sealed class Findings
{
    public List<ConformanceDeviation> Deviations { get; } = [];
    public List<MissingSymbol> Missing { get; } = [];
    public List<SuspectDecision> Suspect { get; } = [];
    public List<PendingDecision> Pending { get; } = [];
    public List<AbsentDecision> Absent { get; } = [];
    public HashSet<string> Approved { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Proposed { get; } = new(StringComparer.Ordinal);
}
