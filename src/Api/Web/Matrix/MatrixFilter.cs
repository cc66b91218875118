using Traceability.Api.Matrix;
using Traceability.Projections.Matrix;

namespace Traceability.Api.Web.Matrix;

/// <summary>
/// The matrix view's filter, sort, page and "as of", exactly the API's query parameters, so the page's
/// URL is the view: sharing it shares the filter. Values are passed on as typed; the API validates them.
/// </summary>
public sealed record MatrixFilter(
    IReadOnlyList<string> Flags, IReadOnlyList<string> Statuses, string? SymbolPrefix, string? Search,
    string? Assumption, string? Feature, string? Sort, int Page, int PageSize, string? AsOf)
{
    public const int DefaultPageSize = 100;
    public static readonly IReadOnlyList<int> PageSizes = [50, 100, 250, 500];
    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
    [
        ("symbol", "symbol A–Z"), ("-symbol", "symbol Z–A"), ("status", "status"), ("configValue", "config value"),
        ("-lastChange", "last change, newest first"), ("lastChange", "last change, oldest first"),
    ];

    public static IReadOnlyList<string> FlagValues => MatrixFlags.All;

    public static IReadOnlyList<string> StatusValues => MatrixQuery.StatusValues;

    public bool IsHistory => AsOf is not null;

    public static MatrixFilter From(IQueryCollection query) => new(
        Many(query, "flag"), Many(query, "status"), One(query, "symbolPrefix"), One(query, "search"),
        One(query, "assumption"), One(query, "feature"), One(query, "sort"),
        Number(query, "page", 1), Number(query, "pageSize", DefaultPageSize), One(query, "asOf"));

    /// <summary>The query string, for the API call and for the page's own links (pager, permalink).</summary>
    public string Query(string path) => Href.With(path,
    [
        .. Flags.Select(f => ("flag", (string?)f)), .. Statuses.Select(s => ("status", (string?)s)),
        ("symbolPrefix", SymbolPrefix), ("search", Search), ("assumption", Assumption), ("feature", Feature), ("sort", Sort),
        ("page", Page == 1 ? null : Page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("asOf", AsOf),
    ]);

    private static List<string> Many(IQueryCollection query, string name) =>
        query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    private static string? One(IQueryCollection query, string name) =>
        string.IsNullOrWhiteSpace(query[name].ToString()) ? null : query[name].ToString().Trim();

    /// <summary>A page number that is not a number falls back to the default; the API caps the size.</summary>
    private static int Number(IQueryCollection query, string name, int fallback) =>
        int.TryParse(query[name].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : fallback;
}
