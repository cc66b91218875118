namespace Traceability.Api.Web.Matrix;

/// <summary>The filter as a GET form: submitting it changes the URL, which is what makes a view shareable.</summary>
public static class MatrixFilterForm
{
    public static Html Render(string path, MatrixFilter filter, ApiProblem? problem) => Html.Of($"""
        <form method="get" action="{path}" class="filters" aria-label="Filter the matrix">
        {Widgets.Problem(problem)}
        <fieldset><legend>Flags</legend>{Boxes("flag", MatrixFilter.FlagValues, filter.Flags)}</fieldset>
        <fieldset><legend>Status</legend>{Boxes("status", MatrixFilter.StatusValues, filter.Statuses)}</fieldset>
        <div class="filter-fields">
        {FormFields.Text("matrix", "search", "Symbol contains", filter.Search, problem, type: "search")}
        {FormFields.Text("matrix", "symbolPrefix", "Symbol starts with", filter.SymbolPrefix, problem)}
        {FormFields.Text("matrix", "assumption", "Linked AoU (AOU-0003)", filter.Assumption, problem)}
        {FormFields.Text("matrix", "feature", "Linked feature (arm64-pan)", filter.Feature, problem)}
        <div class="field"><label for="matrix-sort">Sort</label><select id="matrix-sort" name="sort">{Sorts(filter.Sort)}</select></div>
        <div class="field"><label for="matrix-pageSize">Rows per page</label><select id="matrix-pageSize" name="pageSize">{Sizes(filter.PageSize)}</select></div>
        {FormFields.Text("matrix", "asOf", "As of (event # or ISO time)", filter.AsOf, problem)}
        <div class="field buttons"><button type="submit">Show</button> <a href="{path}">Clear</a></div>
        </div>
        </form>
        """);

    private static IEnumerable<Html> Boxes(string name, IReadOnlyList<string> values, IReadOnlyList<string> chosen) => values.Select(v => Html.Of(
        $"""<label class="check"><input type="checkbox" name="{name}" value="{v}"{(chosen.Contains(v) ? Checked : Html.Empty)}> {v}</label> """));

    private static IEnumerable<Html> Sorts(string? sort) => MatrixFilter.Sorts.Select(s =>
        Html.Of($"""<option value="{s.Value}"{((sort ?? "symbol") == s.Value ? Selected : Html.Empty)}>{s.Label}</option>"""));

    private static IEnumerable<Html> Sizes(int size) => MatrixFilter.PageSizes.Select(s =>
        Html.Of($"""<option{(s == size ? Selected : Html.Empty)}>{s}</option>"""));

    private static readonly Html Checked = Html.Of($" checked");
    private static readonly Html Selected = Html.Of($" selected");
}
