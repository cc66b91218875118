using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.KeyRules;

/// <summary>Issue 12 item 6: a key belongs to a person, and four-eyes compares persons, not keys.</summary>
public sealed class KeyOwners(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Two_keys_of_one_person_do_not_make_four_eyes()
    {
        var engineer = await api.KeyOfAsync("alice-engineer", "engineer", "Alice Smith");
        var assessor = await api.KeyOfAsync("alice-assessor", "assessor", "Alice Smith");
        var version = await api.ProposedDecisionAsync("owners", "FUTEX", engineer);

        var response = await assessor.SendJsonAsync(HttpMethod.Post, "/api/baselines/owners/decisions/FUTEX/approve", new { }, version);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("four-eyes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var other = await api.KeyOfAsync("bob-assessor", "assessor", "Bob Jones");
        Assert.Equal(HttpStatusCode.OK,
            (await other.SendJsonAsync(HttpMethod.Post, "/api/baselines/owners/decisions/FUTEX/approve", new { }, version)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Alice\u0007Smith")]
    public async Task A_key_without_a_proper_owner_is_400_naming_the_field_and_writes_nothing(string? owner)
    {
        var before = await api.EventCountAsync();
        var response = await api.IssueAsync("ownerless", "viewer", owner);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("owner", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task An_owner_longer_than_a_name_can_be_is_400()
    {
        var response = await api.IssueAsync("long-owner", "viewer", new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Me_and_the_key_list_show_the_owner_trimmed()
    {
        var client = await api.KeyOfAsync("carol-viewer", "viewer", "  Carol Example ");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("carol-viewer", me.GetProperty("name").GetString());
        Assert.Equal("Carol Example", me.GetProperty("owner").GetString());
        var listed = (await api.Admin.GetFromJsonAsync<JsonElement>("/api/keys")).EnumerateArray().Single(k => k.GetProperty("name").GetString() == "carol-viewer");
        Assert.Equal("Carol Example", listed.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Approval_is_refused_while_a_linked_assumption_is_a_draft_or_retired()
    {
        var draft = await api.DraftAssumptionAsync("The kernel runs at EL1 (draft).");
        await api.ArrangeBaselineAsync("aou-gate");
        var proposed = await api.Engineer.PostAsJsonAsync("/api/baselines/aou-gate/decisions",
            new { symbol = "FUTEX", value = "y", rationale = DecisionScenarios.Rationale, assumptions = new[] { draft } });
        proposed.EnsureSuccessStatusCode();

        var refused = await api.Assessor.SendJsonAsync(HttpMethod.Post, "/api/baselines/aou-gate/decisions/FUTEX/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains(draft, detail, StringComparison.Ordinal);
        Assert.Contains("draft", detail, StringComparison.Ordinal);

        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{draft}/accept", new { })).EnsureSuccessStatusCode();
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{draft}/retire", new { reason = "superseded" })).EnsureSuccessStatusCode();
        var retired = await api.Assessor.SendJsonAsync(HttpMethod.Post, "/api/baselines/aou-gate/decisions/FUTEX/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, retired.StatusCode);
        Assert.Contains("retired", (await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_goes_through_once_the_linked_assumption_is_agreed()
    {
        var aou = await api.DraftAssumptionAsync("The kernel runs at EL1 (agreed).");
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{aou}/accept", new { })).EnsureSuccessStatusCode();
        await api.ArrangeBaselineAsync("aou-agreed");
        (await api.Engineer.PostAsJsonAsync("/api/baselines/aou-agreed/decisions",
            new { symbol = "FUTEX", value = "y", rationale = DecisionScenarios.Rationale, assumptions = new[] { aou } })).EnsureSuccessStatusCode();

        var approved = await api.Assessor.SendJsonAsync(HttpMethod.Post, "/api/baselines/aou-agreed/decisions/FUTEX/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }
}
