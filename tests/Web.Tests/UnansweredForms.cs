using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Traceability.Web.Tests;

/// <summary>
/// A page's call to the API that gets no answer. A form whose request reached the API may have been carried out, and
/// here it was: the page must not say "nothing was changed", or the user drafts the assumption again and the log
/// holds it twice under two numbers. A call whose connection was never made changed nothing, and says so. A page that
/// times out while its write is still in flight at the API cannot know either.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class UnansweredForms(WebFixture web)
{
    [Fact]
    public async Task A_form_whose_answer_was_lost_says_the_outcome_is_unknown_and_one_never_sent_says_nothing_changed()
    {
        await using var proxy = new CuttingProxy(web.Address);
        await using var pages = await web.StartPagesAsync(proxy.Address);
        using var engineer = await PageClient.SignedInWithKeyAsync(pages.Address, web.Keys["engineer-1"]);
        var text = $"The board's firmware locks the debug port ({Guid.NewGuid():N}).";

        var lost = await engineer.PostFormAsync("/assumptions", "/assumptions", new() { ["category"] = "hardware", ["text"] = text });
        var page = await lost.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(1, proxy.Cut);
        Assert.Contains("broke after the form", page, StringComparison.Ordinal);
        Assert.Contains("whether it was carried out is not known", page, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was changed", page, StringComparison.Ordinal);
        Assert.Equal(1, await web.AssumptionsWithTextAsync(text));

        var token = await engineer.TokenAsync("/assumptions");
        await proxy.DisposeAsync();
        var refused = await engineer.PostFormWithTokenAsync("/assumptions", token, new() { ["category"] = "hardware", ["text"] = text + " Again." });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("could not reach the API it is built on; nothing was changed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await web.AssumptionsWithTextAsync(text + " Again."));
    }

    [Fact]
    public async Task A_form_whose_write_is_still_in_flight_when_the_page_times_out_says_the_outcome_is_unknown()
    {
        await using var pages = await web.StartPagesAsync(web.Address, "--Limits:RequestTimeoutSeconds=2");
        using var engineer = await PageClient.SignedInWithKeyAsync(pages.Address, web.Keys["engineer-1"]);
        var token = await engineer.TokenAsync("/assumptions");
        await using var owner = new NpgsqlConnection(web.DatabaseOwner);
        await owner.OpenAsync();
        await using var hold = await owner.BeginTransactionAsync();
        // Reads go on; the API's insert of the drafted event waits here, past the page's two seconds.
        await using (var lockEvents = new NpgsqlCommand("LOCK TABLE traceability.mt_events IN EXCLUSIVE MODE", owner, hold))
            await lockEvents.ExecuteNonQueryAsync();

        var timedOut = await engineer.PostFormWithTokenAsync("/assumptions", token,
            new() { ["category"] = "hardware", ["text"] = $"The boot ROM is immutable ({Guid.NewGuid():N})." });
        var problem = await timedOut.Content.ReadFromJsonAsync<JsonElement>();
        await hold.RollbackAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, timedOut.StatusCode);
        Assert.Equal("unknown", problem.GetProperty("outcome").GetString());
        Assert.Contains("whether they were recorded is not known", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
