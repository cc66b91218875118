using System.Globalization;

namespace Traceability.Api.Conformance;

/// <summary>Turns findings into the failures the policy counts, each with a cause a CI log can show on one line.</summary>
public static class ConformanceFailures
{
    public static IReadOnlyList<ConformanceFailure> Of(Findings found, UndecidedSymbols undecided, CheckPolicy policy)
    {
        var failures = new List<ConformanceFailure>();
        failures.AddRange(found.Deviations.Select(d => new ConformanceFailure("deviation", d.Symbol, $"decided {d.Decided}, actual {d.Actual}")));
        failures.AddRange(found.Missing.Select(m => new ConformanceFailure("missing", m.Symbol, $"decided {m.Decided}, absent from the file")));
        if (policy.Fails(CheckPolicy.Suspect))
            failures.AddRange(found.Suspect.Select(s => new ConformanceFailure(CheckPolicy.Suspect, s.Symbol, SuspectCause(s))));
        if (policy.Fails(CheckPolicy.Unapproved))
            failures.AddRange(found.Pending.Select(p => new ConformanceFailure(CheckPolicy.Unapproved, p.Symbol, PendingCause(p))));
        if (policy.Fails(CheckPolicy.SymbolMissing))
        {
            // An approved y/m/value decision absent from the file already failed as missing; say it once.
            var missing = found.Missing.Select(m => m.Symbol).ToHashSet(StringComparer.Ordinal);
            failures.AddRange(found.Absent.Where(a => !missing.Contains(a.Symbol)).Select(a => new ConformanceFailure(
                CheckPolicy.SymbolMissing, a.Symbol, $"{a.Status} {a.Decided}, the file has no such symbol (renamed or removed in this kernel?)")));
        }
        if (policy.Fails(CheckPolicy.Undecided) && undecided.Count > 0)
        {
            failures.Add(new ConformanceFailure(CheckPolicy.Undecided, null,
                $"{undecided.Count.ToString("N0", CultureInfo.InvariantCulture)} symbols built in (y/m) have no approved decision"));
        }
        return failures;
    }

    /// <summary>"approved y, suspect since position 812 (2025-05-14T10:00:00Z): aou/AOU-0003 revised (r2) by alice: the SoC lacks MTE".</summary>
    public static string SuspectCause(SuspectDecision s)
    {
        var since = s.Since is { } position
            ? $" since position {position.ToString(CultureInfo.InvariantCulture)} ({s.Time!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)})"
            : "";
        var by = string.IsNullOrEmpty(s.MarkedBy) ? "" : $" by {s.MarkedBy}";
        var reason = string.IsNullOrWhiteSpace(s.Reason) ? "" : $": {s.Reason}";
        return $"{s.Status} {s.Decided}, suspect{since}: {s.Cause}{by}{reason}";
    }

    private static string PendingCause(PendingDecision p) =>
        $"{p.Status} {p.Decided}, not approved (actual {p.Actual ?? "absent"})";
}
