using FluentValidation;
using FluentValidation.Results;
using Traceability.Api.Http;

namespace Traceability.Api.Baselines;

/// <summary>
/// force=true with a forceReason lets a .config whose header names another architecture or kernel
/// series into a baseline (a vendor kernel labelled oddly, a deliberate comparison). Read from the
/// query (?force=true&amp;forceReason=...) or from multipart form fields of the same names; the reason
/// is recorded with the import.
/// </summary>
public sealed record ImportForce(string? Reason)
{
    public static ImportForce None { get; } = new((string?)null);

    public bool Forced => Reason is not null;

    /// <summary>What the import's recorded reason adds: empty unless forced.</summary>
    public string Note => Reason is null ? "" : $" (forced: {Reason})";

    public static ImportForce Read(HttpRequest request, IReadOnlyDictionary<string, string> fields)
    {
        var force = Value(request, fields, "force");
        var reason = Value(request, fields, "forceReason");
        if (force is null || force.Equals("false", StringComparison.OrdinalIgnoreCase)) return None;
        if (!force.Equals("true", StringComparison.OrdinalIgnoreCase)) throw Invalid("force", "force must be true or false.");
        if (string.IsNullOrWhiteSpace(reason))
            throw Invalid("forceReason", "A forced import needs a forceReason: why a config of another kernel or architecture belongs in this baseline.");
        if (reason.Length > TextRules.TextLength || !TextRules.HasNoControlCharacters(reason))
            throw Invalid("forceReason", $"forceReason must be at most {TextRules.TextLength} characters without control characters other than line feed and tab.");
        return new ImportForce(reason.Trim());
    }

    private static string? Value(HttpRequest request, IReadOnlyDictionary<string, string> fields, string name) =>
        request.Query.TryGetValue(name, out var query) ? query.ToString() : fields.GetValueOrDefault(name);

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
