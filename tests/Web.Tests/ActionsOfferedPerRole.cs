using System.Net.Http.Json;

namespace Traceability.Web.Tests;

/// <summary>
/// Each page offers only the actions the signed-in role may take, and only when the decision's state allows
/// them; the proposer of a revision is never offered its approval (four-eyes), here or in the review queue.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class ActionsOfferedPerRole(WebFixture web) : IAsyncLifetime
{
    private const string Baseline = "roles-6.1";
    private const string Decision = "/baselines/roles-6.1/decisions/";

    private static Lazy<Task>? _arranged;

    /// <summary>xunit makes a new instance per test; the scene is arranged once per run.</summary>
    public Task InitializeAsync() => LazyInitializer.EnsureInitialized(ref _arranged, () => new Lazy<Task>(ArrangeAsync)).Value;

    private async Task ArrangeAsync()
    {
        await Arrange.BaselineAsync(web.Admin, Baseline);
        var aou = await Arrange.AgreedAssumptionAsync(web, "The kernel runs at EL1 only.");
        await Arrange.ProposedAsync(web, "engineer-2", Baseline, "FUTEX");
        using var engineer = web.ClientWithKey("engineer-2");
        (await engineer.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions", new { symbol = "SLUB", value = "y", rationale = "Default allocator.", assumptions = new[] { aou } })).EnsureSuccessStatusCode();
        using var assessor = web.ClientWithKey("assessor-2");
        (await assessor.PostAsJsonAsync($"/api/baselines/{Baseline}/decisions/SLUB/approve", new { })).EnsureSuccessStatusCode();
        (await web.Admin.PutAsJsonAsync($"/api/assumptions/{aou}", new { category = "environment", text = "The kernel runs at EL1 only; no EL2.", reason = "scope" })).EnsureSuccessStatusCode();
        await Arrange.ProposedAsync(web, "bootstrap-admin", Baseline, "MODULES");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("viewer-1", new string[0], new[] { "approve", "reject", "reconfirm", "revise", "evidence", "withdraw" })]
    [InlineData("engineer-1", new[] { "revise", "evidence", "withdraw" }, new[] { "approve", "reject", "reconfirm" })]
    [InlineData("assessor-1", new[] { "approve", "reject" }, new[] { "reconfirm", "revise", "evidence", "withdraw" })]
    [InlineData("bootstrap-admin", new[] { "approve", "reject", "revise", "evidence", "withdraw" }, new[] { "reconfirm" })]
    public async Task A_proposed_decision_offers_each_role_exactly_its_actions(string key, string[] offered, string[] withheld)
    {
        using var client = await PageClient.SignedInAsync(web, key);
        var html = await client.HtmlAsync(Decision + "FUTEX");
        foreach (var action in offered) Assert.Contains($"action=\"{Decision}FUTEX/{action}\"", html, StringComparison.Ordinal);
        foreach (var action in withheld) Assert.DoesNotContain($"action=\"{Decision}FUTEX/{action}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspect_decision_offers_reconfirmation_to_assessors_only()
    {
        using var assessor = await PageClient.SignedInAsync(web, "assessor-1");
        using var engineer = await PageClient.SignedInAsync(web, "engineer-1");
        Assert.Contains($"action=\"{Decision}SLUB/reconfirm\"", await assessor.HtmlAsync(Decision + "SLUB"), StringComparison.Ordinal);
        Assert.DoesNotContain("/reconfirm\"", await engineer.HtmlAsync(Decision + "SLUB"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_is_offered_the_approval_of_their_own_proposal_on_the_decision_or_in_the_queue()
    {
        using var admin = await PageClient.SignedInAsync(web, "bootstrap-admin");
        var page = await admin.HtmlAsync(Decision + "MODULES");
        Assert.DoesNotContain($"{Decision}MODULES/approve", page, StringComparison.Ordinal);
        Assert.Contains("You proposed this revision", page, StringComparison.Ordinal);
        var queue = await admin.HtmlAsync($"/review?baseline={Baseline}");
        Assert.DoesNotContain($"{Decision}MODULES/approve", queue, StringComparison.Ordinal);
        Assert.Contains($"{Decision}FUTEX/approve", queue, StringComparison.Ordinal);
        Assert.Contains("1 proposal(s) of yours wait for someone else", queue, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer-1", false, false)]
    [InlineData("engineer-1", true, false)]
    [InlineData("assessor-1", false, true)]
    public async Task The_baseline_page_offers_proposing_and_importing_to_engineers_and_freezing_to_assessors(string key, bool engineering, bool assessing)
    {
        using var client = await PageClient.SignedInAsync(web, key);
        var html = await client.HtmlAsync($"/baselines/{Baseline}");
        Assert.Equal(engineering, html.Contains($"/baselines/{Baseline}/propose", StringComparison.Ordinal));
        Assert.Equal(engineering, html.Contains($"action=\"/baselines/{Baseline}/config\"", StringComparison.Ordinal));
        Assert.Equal(assessing, html.Contains($"action=\"/baselines/{Baseline}/freeze\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_reads_the_review_queue_without_being_offered_any_action()
    {
        using var viewer = await PageClient.SignedInAsync(web, "viewer-1");
        var queue = await viewer.HtmlAsync($"/review?baseline={Baseline}");
        Assert.Contains($"href=\"{Decision}FUTEX\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\" action=\"/baselines", queue, StringComparison.Ordinal);
    }
}
