namespace Traceability.Api.Web;

/// <summary>
/// A form the API refused: which form on the page it was, the API's problem, and what the user typed,
/// so the page comes back with the problem next to that form and nothing typed is lost.
/// </summary>
public sealed record FormFailure(string Form, ApiProblem Problem, IFormCollection Typed);

public static class FormFailures
{
    public static ApiProblem? ProblemOf(this FormFailure? failure, string form) => failure?.Form == form ? failure.Problem : null;

    /// <summary>What the user typed into a field of this form, when this form is the one that failed.</summary>
    public static string? Typed(this FormFailure? failure, string form, string field) =>
        failure?.Form == form ? failure.Typed.Text(field) : null;
}
