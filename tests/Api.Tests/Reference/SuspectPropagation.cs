using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests.Reference;

/// <summary>DOMAIN.md: revising what a decision links marks it suspect in the same transaction as the revision.</summary>
public sealed class SuspectPropagation(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Revising_an_assumption_marks_exactly_the_linking_decisions_suspect_in_the_same_transaction()
    {
        var aou = await api.DraftAssumptionAsync("The kernel runs at EL1.");
        var other = await api.DraftAssumptionAsync("The hypervisor is KVM.");
        var futex = await api.ProposeDecisionAsync("sp-arm64", "FUTEX", assumptions: [aou]);
        var pan = await api.ProposeDecisionAsync("sp-arm64", "ARM64_PAN", assumptions: [other, aou]);
        var unlinked = await api.ProposeDecisionAsync("sp-arm64", "KVM", assumptions: [other]);

        var response = await api.Engineer.PutAsync($"/api/assumptions/{aou}",
            new { category = "environment", text = "The kernel runs at EL1; EL2/EL3 are out of scope.", reason = "scope EL2" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionsMarkedSuspect").GetInt32());
        var revision = (await api.EventsOfAsync($"aou/{aou}"))[^1];
        foreach (var stream in new[] { futex, pan })
        {
            var last = (await api.EventsOfAsync(stream))[^1];
            Assert.Equal("decision_marked_suspect", last.Type);
            Assert.Equal(SuspectCause.Revised($"aou/{aou}", 2), ((DecisionMarkedSuspect)last.Data).Cause);
            AssertSameTransaction(revision, last);
        }
        Assert.Equal("decision_proposed", (await api.EventsOfAsync(unlinked))[^1].Type);
    }

    [Fact]
    public async Task Retiring_an_assumption_marks_linking_decisions_suspect_once_even_if_already_suspect()
    {
        var aou = await api.DraftAssumptionAsync("Userspace relies on futex-based locking.");
        var decision = await api.ProposeDecisionAsync("sp-retire", "FUTEX", assumptions: [aou]);
        await api.Engineer.PutAsync($"/api/assumptions/{aou}", new { category = "userspace", text = "Userspace uses futexes.", reason = "shorter" }, null);

        var retired = await api.Assessor.PostAsync($"/api/assumptions/{aou}/retire", new { reason = "superseded" }, null);

        Assert.Equal(0, (await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionsMarkedSuspect").GetInt32());
        Assert.Single(await api.EventsOfAsync(decision), e => e.Type == "decision_marked_suspect");

        var fresh = await api.DraftAssumptionAsync("Only one CPU cluster.");
        var linked = await api.ProposeDecisionAsync("sp-retire", "SMP", assumptions: [fresh]);
        await api.Assessor.PostAsync($"/api/assumptions/{fresh}/retire", new { reason = "dropped" }, null);
        var last = (await api.EventsOfAsync(linked))[^1];
        Assert.Equal(SuspectCause.Retired($"aou/{fresh}"), ((DecisionMarkedSuspect)last.Data).Cause);
    }

    [Fact]
    public async Task Changing_a_features_governing_symbols_marks_linking_decisions_suspect()
    {
        await api.CreateFeatureAsync("sp-pac", ["ARM64_PTR_AUTH"]);
        var decision = await api.ProposeDecisionAsync("sp-feature", "ARM64_PTR_AUTH", features: ["sp-pac"]);

        var response = await api.Engineer.PutAsync("/api/hardware-features/sp-pac", new
        {
            description = "", protectsAgainst = "kernel access to user memory", governingSymbols = new List<string> { "CONFIG_ARM64_PTR_AUTH", "ARM64_PTR_AUTH_KERNEL" }, reason = "kernel keys split out",
        }, "\"1\"");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, json.GetProperty("decisionsMarkedSuspect").GetInt32());
        Assert.Equal(decision, json.GetProperty("suspectDecisions")[0].GetString());
        AssertSameTransaction((await api.EventsOfAsync("feature/sp-pac"))[^1], (await api.EventsOfAsync(decision))[^1]);
    }

    [Fact]
    public async Task A_feature_revision_that_keeps_the_governing_symbols_marks_nothing()
    {
        await api.CreateFeatureAsync("sp-bti", ["ARM64_BTI_KERNEL"]);
        var decision = await api.ProposeDecisionAsync("sp-feature", "ARM64_BTI_KERNEL", features: ["sp-bti"]);

        var response = await api.Engineer.PutAsync("/api/hardware-features/sp-bti", new
        {
            description = "Branch Target Identification", protectsAgainst = "JOP", governingSymbols = new List<string> { "CONFIG_ARM64_BTI_KERNEL" }, reason = "wording",
        }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionsMarkedSuspect").GetInt32());
        Assert.DoesNotContain(await api.EventsOfAsync(decision), e => e.Type == "decision_marked_suspect");
    }

    [Fact]
    public async Task Revising_a_requirement_marks_the_decisions_citing_it_suspect()
    {
        await api.RecordRequirementAsync("sp-sr-1");
        var decision = await api.ProposeDecisionAsync("sp-req", "STACKPROTECTOR_STRONG", requirements: ["sp-sr-1"]);

        var response = await api.Engineer.PutAsync("/api/requirements/sp-sr-1",
            new { externalId = "DOORS-SR-1", title = "Stack integrity", text = "Stack smashing is detected.", reason = "split from memory isolation" }, "\"1\"");

        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionsMarkedSuspect").GetInt32());
        var last = (await api.EventsOfAsync(decision))[^1];
        Assert.Equal(SuspectCause.Revised("requirement/sp-sr-1", 2), ((DecisionMarkedSuspect)last.Data).Cause);
        AssertSameTransaction((await api.EventsOfAsync("requirement/sp-sr-1"))[^1], last);
    }

    /// <summary>One append = one timestamp and consecutive log positions, with the same actor and reason.</summary>
    private static void AssertSameTransaction(RecordedEvent change, RecordedEvent suspect)
    {
        Assert.Equal(change.Timestamp, suspect.Timestamp);
        Assert.InRange(suspect.Position!.Value, change.Position!.Value + 1, change.Position.Value + 10);
        Assert.Equal(change.Metadata.Actor, suspect.Metadata.Actor);
        Assert.Equal(change.Metadata.Reason, suspect.Metadata.Reason);
    }
}
