namespace Traceability.Projections.Audit;

/// <summary>One check of an export and whether it held; Detail says what was checked or how it failed.</summary>
public sealed record VerificationCheck(string Name, bool Passed, string Detail);

/// <summary>
/// One precise failure: the file, the event (chain position) and field where applicable, what was expected and what
/// was found. Message is the same in one sentence.
/// </summary>
public sealed record VerificationFailure(
    string Check, string File, long? Position, string? Field, string? Expected, string? Found, string Message);

public sealed record ExportVerification(bool Valid, IReadOnlyList<VerificationCheck> Checks, IReadOnlyList<VerificationFailure> Failures)
{
    /// <summary>How many bytes the verification inflated from the zip: what <see cref="ExportLimits"/> bound.</summary>
    public long InflatedBytes { get; init; }

    /// <summary>One line per check, each failure indented under its check: what the command line prints.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var check in Checks)
        {
            yield return $"{(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}";
            foreach (var failure in Failures.Where(f => f.Check == check.Name)) yield return "     " + failure.Message;
        }
        yield return Valid ? "VALID: every check passed." : $"INVALID: {Failures.Count} failure(s).";
    }
}

/// <summary>Collects failures of one check, keeping the first ones in full and counting the rest.</summary>
internal sealed class CheckFailures(string check)
{
    public const int Listed = 100;
    private int _count;

    public int Count => _count;

    public List<VerificationFailure> Items { get; } = [];

    public void Add(string file, long? position, string? field, string? expected, string? found, string message)
    {
        if (++_count <= Listed) Items.Add(new VerificationFailure(check, file, position, field, expected, found, message));
    }

    /// <summary>Takes over what <paramref name="earlier"/> collected while the entry was still being read.</summary>
    public void Absorb(CheckFailures earlier)
    {
        _count += earlier._count;
        Items.AddRange(earlier.Items.Take(Math.Max(0, Listed - Items.Count)));
    }

    public void Close()
    {
        if (_count > Listed)
            Items.Add(new VerificationFailure(check, "", null, null, null, null, $"... and {_count - Listed} more failure(s) of this check."));
    }
}
