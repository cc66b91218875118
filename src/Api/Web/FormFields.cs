namespace Traceability.Api.Web;

/// <summary>
/// Labelled form controls. Each control has a label bound by id, its API errors right under it (linked by
/// aria-describedby and marked aria-invalid), and keeps what the user typed when the form comes back.
/// </summary>
public static class FormFields
{
    public static Html Text(string form, string name, string label, string? value, ApiProblem? problem,
        bool required = false, string? hint = null, string type = "text", Html? extra = null) =>
        Field(form, name, label, problem, hint, (id, described) => Html.Of(
            $"""<input type="{type}" id="{id}" name="{name}" value="{value}"{Required(required)}{described}{extra ?? Html.Empty}>"""));

    public static Html Area(string form, string name, string label, string? value, ApiProblem? problem, bool required = false, string? hint = null) =>
        Field(form, name, label, problem, hint, (id, described) => Html.Of(
            $"""<textarea id="{id}" name="{name}" rows="4"{Required(required)}{described}>{value}</textarea>"""));

    public static Html Select(string form, string name, string label, string? value, IEnumerable<string> options, ApiProblem? problem) =>
        Field(form, name, label, problem, null, (id, described) => Html.Of(
            $"""<select id="{id}" name="{name}"{described}>{options.Select(o => Html.Of($"<option{(o == value ? Selected : Html.Empty)}>{o}</option>"))}</select>"""));

    public static Html File(string form, string name, string label, string accept, ApiProblem? problem) =>
        Field(form, name, label, problem, null, (id, described) => Html.Of(
            $"""<input type="file" id="{id}" name="{name}" accept="{accept}" required{described}>"""));

    public static Html Hidden(string name, string? value) => Html.Of($"""<input type="hidden" name="{name}" value="{value}">""");

    private static readonly Html Selected = Html.Of($" selected");

    private static Html Required(bool required) => required ? Html.Of($" required") : Html.Empty;

    private static Html Field(string form, string name, string label, ApiProblem? problem, string? hint, Func<string, Html, Html> control)
    {
        var id = $"{form}-{name}";
        var errors = problem?.ErrorsOf(name) ?? [];
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", errors.Count == 0 ? null : id + "-error" }.OfType<string>());
        var described = Html.Of($"""{(describedBy.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{describedBy}\""))}{(errors.Count == 0 ? Html.Empty : Html.Of($" aria-invalid=\"true\""))}""");
        return Html.Of($"""
            <div class="field{(errors.Count == 0 ? "" : " invalid")}"><label for="{id}">{label}</label>
            {(hint is null ? Html.Empty : Html.Of($"<small id=\"{id}-hint\">{hint}</small>"))}
            {control(id, described)}
            {(errors.Count == 0 ? Html.Empty : Html.Of($"<small class=\"field-error\" id=\"{id}-error\">{string.Join(" ", errors)}</small>"))}</div>
            """);
    }
}
