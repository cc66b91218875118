using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Web;

namespace Traceability.Web.Tests;

/// <summary>A session lives on the signed-in key: it shows who you are, ends at sign-out, and ends when the key is revoked.</summary>
[Collection(WebSuite.Name)]
public sealed class Sessions(WebFixture web)
{
    [Fact]
    public async Task A_session_shows_the_person_and_role_and_ends_at_sign_out()
    {
        using var client = await PageClient.SignedInAsync(web, "assessor-2");
        var home = await client.HtmlAsync("/");
        Assert.Contains("Signed in as <strong>assessor-2</strong> <span class=\"role\">assessor</span>", home, StringComparison.Ordinal);

        var signedOut = await client.PostFormAsync("/sign-out", "/", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain(client.Jar.GetCookies(web.Address), c => c.Name == WebSession.CookieName);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_names_the_keys_owner_when_the_key_is_named_otherwise()
    {
        var issued = await Arrange.Json(await web.Admin.PostAsJsonAsync("/api/keys", new { name = "ci-runner-7", role = "engineer", owner = "Dana <Example>" }));
        using var client = await PageClient.SignedInWithKeyAsync(web, issued.GetProperty("key").GetString()!);

        var home = await client.HtmlAsync("/");

        Assert.Contains("Signed in as <strong>ci-runner-7</strong> <span class=\"role\">engineer</span> <span class=\"owner\">for Dana &lt;Example&gt;</span>",
            home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sessions_at_their_next_page()
    {
        var issued = await Arrange.Json(await web.Admin.PostAsJsonAsync("/api/keys", new { name = "short-lived", role = "engineer", owner = "short-lived" }));
        using var client = await PageClient.SignedInWithKeyAsync(web, issued.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assumptions")).StatusCode);

        (await web.Admin.DeleteAsync("/api/keys/short-lived?reason=left%20the%20project")).EnsureSuccessStatusCode();
        var next = await client.GetAsync("/assumptions");

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/sign-in?expired=1", next.Headers.Location!.OriginalString);
        Assert.Contains("no longer accepted", await client.HtmlAsync("/sign-in?expired=1"), StringComparison.Ordinal);
        Assert.DoesNotContain(client.Jar.GetCookies(web.Address), c => c.Name == WebSession.CookieName);
    }
}
