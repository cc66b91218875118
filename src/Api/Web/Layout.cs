namespace Traceability.Api.Web;

/// <summary>
/// What a page is: its title, its content, which navigation section it belongs to, and whether it shows
/// history (the "as of" view, marked on every page element). Status is the HTTP status it is served with.
/// </summary>
public sealed record Page(string Title, Html Body, string Section = "", bool History = false, int Status = StatusCodes.Status200OK);

/// <summary>The frame around every page: skip link, navigation, who is signed in, sign-out, and the page's main content.</summary>
public static class Layout
{
    private static readonly (string Section, string Href, string Label)[] Sections =
    [
        ("baselines", "/", "Baselines"),
        ("review", "/review", "Review queue"),
        ("assumptions", "/assumptions", "Assumptions"),
        ("features", "/features", "Hardware features"),
        ("requirements", "/requirements", "Requirements"),
        ("diff", "/diff", "Diff"),
        ("check", "/check", "CI check"),
        ("audit", "/audit", "Audit export"),
    ];

    private static readonly Html CurrentPage = Html.Of($" aria-current=\"page\"");

    public static IResult Render(HttpContext context, Page page) => new HtmlResult(Document(context, page), page.Status);

    /// <summary>A page for someone not signed in (sign-in, errors before a session): no navigation.</summary>
    public static IResult Bare(Page page) => new HtmlResult(Shell(page, Html.Empty), page.Status);

    private static Html Document(HttpContext context, Page page)
    {
        var signedIn = context.User.Identity is { IsAuthenticated: true, AuthenticationType: WebSession.Scheme };
        return Shell(page, signedIn ? Header(context, page.Section) : Html.Empty);
    }

    private static Html Shell(Page page, Html header) => Html.Of($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{page.Title} · Traceability</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/site.css">
        <script src="/assets/app.js" defer></script>
        </head>
        <body class="{(page.History ? "history" : "live")}">
        <a class="skip" href="#main">Skip to content</a>
        {header}
        <main id="main" tabindex="-1">
        {page.Body}
        </main>
        </body>
        </html>
        """);

    /// <summary>The person four-eyes compares, when the key is named otherwise (a CI runner's key, a second key of one person).</summary>
    private static Html Owner(WebUser user) =>
        user.Owner.Length == 0 || string.Equals(user.Owner, user.Name, StringComparison.Ordinal) ? Html.Empty : Html.Of($""" <span class="owner">for {user.Owner}</span>""");

    private static Html Header(HttpContext context, string current)
    {
        var user = WebUser.Of(context);
        var links = Sections.Select(s => Html.Of($"""<li><a href="{s.Href}"{(s.Section == current ? CurrentPage : Html.Empty)}>{s.Label}</a></li>"""));
        return Html.Of($"""
            <header class="top">
            <a class="brand" href="/">Traceability</a>
            <nav aria-label="Main"><ul>{links}</ul></nav>
            <div class="who">Signed in as <strong>{user.Name}</strong> <span class="role">{user.Role}</span>{Owner(user)}
            <form method="post" action="/sign-out">{Forms.Token(context)}<button type="submit" class="link">Sign out</button></form></div>
            </header>
            """);
    }
}
