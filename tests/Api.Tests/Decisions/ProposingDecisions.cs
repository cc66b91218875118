using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Decisions;

public sealed class ProposingDecisions(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/baselines/arm64-6.12/decisions";

    [Fact]
    public async Task A_proposal_is_201_with_location_etag_and_the_symbol_stored_without_its_prefix()
    {
        await api.ArrangeBaselineAsync("arm64-6.12");
        await api.ArrangeAssumptionAsync("AOU-0001");
        await api.ArrangeFeatureAsync("arm64-pan");
        await api.ArrangeRequirementAsync("req-memory-isolation");

        var response = await api.Engineer.PostAsJsonAsync(Url, new
        {
            symbol = "CONFIG_ARM64_PAN", value = "y", rationale = DecisionScenarios.Rationale,
            assumptions = Ids("AOU-0001"), features = Ids("arm64-pan"), requirements = Ids("req-memory-isolation"),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/baselines/arm64-6.12/decisions/ARM64_PAN", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ARM64_PAN", body.GetProperty("symbol").GetString());
        Assert.Equal("proposed", body.GetProperty("status").GetString());
        Assert.Equal("engineer-1", body.GetProperty("proposedBy").GetString());
        Assert.Equal("AOU-0001", body.GetProperty("assumptions")[0].GetString());
        var stored = Assert.Single(await api.DecisionEventsAsync("arm64-6.12", "ARM64_PAN"));
        Assert.Equal("engineer-1", stored.Metadata.Actor);
    }

    [Fact]
    public async Task A_symbol_absent_from_the_imported_config_may_still_be_decided()
    {
        await api.ArrangeBaselineAsync("with-config", new Dictionary<string, string> { ["FUTEX"] = "y" });
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines/with-config/decisions",
            new { symbol = "ARM64_MTE", value = "y", rationale = "MTE catches use-after-free on hardware that has it." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_it_is_401_and_a_viewer_gets_403()
    {
        await api.ArrangeBaselineAsync("arm64-6.12");
        var body = new { symbol = "FUTEX", value = "y", rationale = "r" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.PostAsJsonAsync(Url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsJsonAsync(Url, body)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_baseline_is_404()
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/baselines/nope/decisions", new { symbol = "FUTEX", value = "y", rationale = "r" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_second_proposal_on_the_same_symbol_is_409()
    {
        await api.ProposedDecisionAsync("arm64-6.12", "SECCOMP");
        var before = await api.EventCountAsync();
        var response = await api.Engineer2.PostAsJsonAsync(Url, new { symbol = "CONFIG_SECCOMP", value = "n", rationale = "r" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Theory]
    [InlineData("CONFIG_FOO BAR")]
    [InlineData("")]
    [InlineData("CONFIG_")]
    [InlineData("lower-case-dash")]
    public async Task A_malformed_symbol_is_400_naming_the_field_and_writes_nothing(string symbol) =>
        await AssertRejected(new { symbol, value = "y", rationale = "r" }, "symbol");

    [Theory]
    [InlineData("config_kasan")]
    [InlineData("Config_KASAN")]
    [InlineData("CONFIG_config_kasan")]
    public async Task A_lower_case_config_prefix_is_never_part_of_a_name_400_saying_why(string symbol)
    {
        var errors = await AssertRejected(new { symbol, value = "y", rationale = "r" }, "symbol");

        var message = errors.GetProperty("symbol")[0].GetString();
        Assert.Contains("only the upper-case prefix CONFIG_ is stripped", message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_KASAN", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_case_config_prefix_in_a_decisions_address_is_400()
    {
        await api.ArrangeBaselineAsync("arm64-6.12");

        var response = await api.Viewer.GetAsync($"{Url}/config_kasan");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CONFIG_KASAN", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbol_of_200_characters_is_400() =>
        await AssertRejected(new { symbol = new string('A', 200), value = "y", rationale = "r" }, "symbol");

    [Theory]
    [InlineData("maybe")]
    [InlineData("\"unterminated")]
    [InlineData("")]
    [InlineData("0xZZ")]
    public async Task A_value_that_is_not_config_syntax_is_400_and_writes_nothing(string value) =>
        await AssertRejected(new { symbol = "FUTEX", value, rationale = "r" }, "value");

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("bell\u0007")]
    public async Task A_missing_or_unprintable_rationale_is_400_and_writes_nothing(string? rationale) =>
        await AssertRejected(new { symbol = "FUTEX", value = "y", rationale }, "rationale");

    [Fact]
    public async Task An_unknown_assumption_is_400_naming_it_and_writes_nothing()
    {
        var errors = await AssertRejected(new { symbol = "FUTEX", value = "y", rationale = "r", assumptions = Ids("AOU-0099") }, "assumptions");
        Assert.Contains("AOU-0099", errors.GetProperty("assumptions")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_features_and_requirements_are_400_naming_them() =>
        await AssertRejected(new { symbol = "FUTEX", value = "y", rationale = "r", features = Ids("no-such-feature"),
            requirements = Ids("no-such-req") }, "features", "requirements");

    [Fact]
    public async Task A_malformed_assumption_id_is_400() =>
        await AssertRejected(new { symbol = "FUTEX", value = "y", rationale = "r", assumptions = Ids("aou-1") }, "assumptions");

    private async Task<JsonElement> AssertRejected(object body, params string[] fields)
    {
        await api.ArrangeBaselineAsync("arm64-6.12");
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync(Url, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in fields) Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {errors}");
        Assert.Equal(before, await api.EventCountAsync());
        return errors;
    }

    private static string[] Ids(params string[] ids) => ids;
}
