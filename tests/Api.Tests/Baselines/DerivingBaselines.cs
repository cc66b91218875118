using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Domain.Decisions;

namespace Traceability.Api.Tests.Baselines;

public sealed class DerivingBaselines(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>In 6.1 arm64 (=y) and gone from 6.12 arm64: module PLTs became unconditional.</summary>
    private const string Removed = "ARM64_MODULE_PLTS";
    private const string Kept = "FUTEX";

    [Fact]
    public void The_chosen_symbols_really_are_in_6_1_and_only_the_kept_one_in_6_12()
    {
        Assert.True(SampleConfigs.Values(SampleConfigs.Arm64_6_1).ContainsKey(Removed));
        Assert.False(SampleConfigs.Values(SampleConfigs.Arm64_6_12).ContainsKey(Removed));
        Assert.True(SampleConfigs.Values(SampleConfigs.Arm64_6_12).ContainsKey(Kept));
    }

    [Fact]
    public async Task Deriving_with_the_6_12_config_carries_decisions_and_flags_the_removed_symbol()
    {
        var source = await SourceWithDecisionsAsync();
        var target = BaselineScenarios.NewId("derived");
        using var form = BaselineScenarios.ConfigForm(SampleConfigs.Bytes(SampleConfigs.Arm64_6_12), ("id", target), ("kernelVersion", "6.12.117"));

        var response = await api.Engineer.PostAsync($"/api/baselines/{source}/derive", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("carried").GetInt32());
        Assert.Equal([Removed], body.GetProperty("missing").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["SECCOMP"], body.GetProperty("suspect").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, body.GetProperty("config").GetProperty("revision").GetInt32());
        Assert.Equal([Removed], body.GetProperty("config").GetProperty("symbolMissing").EnumerateArray().Select(s => s.GetString()));
        var carried = (await api.DecisionEventsAsync(target, Kept)).Single().Data;
        Assert.Equal(DecisionStatus.Approved, Assert.IsType<DecisionCarriedForward>(carried).Status);
        Assert.True(Assert.IsType<DecisionCarriedForward>((await api.DecisionEventsAsync(target, Removed)).Single().Data).SymbolMissing);
        Assert.Empty(await api.DecisionEventsAsync(target, "WITHDRAWN_ONE"));
        var view = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{target}");
        Assert.Equal((source, "debian"), (view.GetProperty("derivedFrom").GetString(), view.GetProperty("variant").GetString()));
    }

    [Fact]
    public async Task A_suspect_decision_stays_suspect_in_the_derived_baseline()
    {
        var source = await SourceWithDecisionsAsync();
        var target = BaselineScenarios.NewId("derived");
        await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = target, kernelVersion = "6.12.117" });

        var events = await api.DecisionEventsAsync(target, "SECCOMP");
        var suspect = Assert.IsType<DecisionMarkedSuspect>(events[1].Data);
        Assert.Equal(SuspectCause.CarriedForwardWhileSuspect(source), suspect.Cause);
    }

    [Fact]
    public async Task Deriving_without_a_config_flags_missing_symbols_at_the_first_import()
    {
        var source = await SourceWithDecisionsAsync();
        var target = BaselineScenarios.NewId("derived");
        var derived = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive",
            new { id = target, kernelVersion = "6.12.117", variant = "debian-trixie" });
        var body = await derived.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(body.GetProperty("missing").EnumerateArray());
        Assert.StartsWith("pending", body.GetProperty("symbolCheck").GetString(), StringComparison.Ordinal);

        var import = await (await api.ImportConfigAsync(target, SampleConfigs.Arm64_6_12)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([Removed], import.GetProperty("symbolMissing").EnumerateArray().Select(s => s.GetString()));
        var flag = Assert.IsType<DecisionSymbolMissing>((await api.DecisionEventsAsync(target, Removed))[^1].Data);
        Assert.Equal(import.GetProperty("sha256").GetString(), flag.ConfigSha256);
        Assert.Single(await api.DecisionEventsAsync(target, Kept));

        var before = await api.EventCountAsync();
        var again = await api.ImportConfigAsync(target, SampleConfigs.Arm64_6_12);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Deriving_onto_an_existing_id_is_409_and_writes_nothing()
    {
        var source = await SourceWithDecisionsAsync();
        var other = await api.CreateBaselineAsync();
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = other, kernelVersion = "6.12.117" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Bad_derive_fields_are_400_naming_them_and_write_nothing()
    {
        var source = await api.CreateBaselineAsync();
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync($"/api/baselines/{source}/derive", new { id = "UPPER", kernelVersion = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("id", out _) && errors.TryGetProperty("kernelVersion", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_derive_with_a_config_for_the_wrong_architecture_is_409_and_writes_nothing()
    {
        var source = await SourceWithDecisionsAsync();
        var before = await api.EventCountAsync();
        using var form = BaselineScenarios.ConfigForm(SampleConfigs.Bytes(SampleConfigs.Amd64_6_1),
            ("id", BaselineScenarios.NewId("derived")), ("kernelVersion", "6.1.192"));
        Assert.Equal(HttpStatusCode.Conflict, (await api.Engineer.PostAsync($"/api/baselines/{source}/derive", form)).StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Derive_needs_an_engineer_a_known_source_and_json_or_multipart()
    {
        var source = await api.CreateBaselineAsync();
        var request = new { id = BaselineScenarios.NewId("derived"), kernelVersion = "6.12.117" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.PostAsJsonAsync($"/api/baselines/{source}/derive", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsJsonAsync($"/api/baselines/{source}/derive", request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Engineer.PostAsJsonAsync("/api/baselines/nope/derive", request)).StatusCode);
        using var text = new StringContent("id=x", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.Engineer.PostAsync($"/api/baselines/{source}/derive", text)).StatusCode);
    }

    /// <summary>A 6.1 baseline with decisions: approved (FUTEX), proposed on a symbol 6.12 drops, suspect, withdrawn.</summary>
    private async Task<string> SourceWithDecisionsAsync()
    {
        var source = await api.CreateBaselineAsync();
        await api.ImportConfigAsync(source, SampleConfigs.Arm64_6_1);
        await api.ArrangeDecisionAsync(source, Kept, approved: true);
        await api.ArrangeDecisionAsync(source, Removed);
        await api.ArrangeDecisionAsync(source, "SECCOMP", approved: true, suspect: true);
        await api.ArrangeDecisionAsync(source, "WITHDRAWN_ONE", withdrawn: true);
        return source;
    }
}
