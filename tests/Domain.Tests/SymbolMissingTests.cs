using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

public class SymbolMissingTests
{
    private const string Sha = "0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a6978";
    private static readonly DecisionSymbolMissing Missing = new(Baseline, "FUTEX", Sha);

    [Fact]
    public void A_decision_whose_symbol_is_absent_from_an_imported_config_is_flagged() =>
        Given(Proposed).When(s => DecisionDecisions.FlagSymbolMissing(s!, symbolPresent: false, Sha)).Then(Missing);

    [Fact]
    public void A_decision_whose_symbol_is_present_is_not_flagged() =>
        Given(Proposed).When(s => DecisionDecisions.FlagSymbolMissing(s!, symbolPresent: true, Sha)).ThenNothing();

    [Fact]
    public void An_already_flagged_decision_is_not_flagged_again() =>
        Given(Proposed, Missing).When(s => DecisionDecisions.FlagSymbolMissing(s!, symbolPresent: false, Sha)).ThenNothing();

    [Fact]
    public void A_withdrawn_decision_is_not_flagged() =>
        Given(Proposed, new DecisionWithdrawn(Baseline, "FUTEX", "gone"))
            .When(s => DecisionDecisions.FlagSymbolMissing(s!, symbolPresent: false, Sha)).ThenNothing();

    [Fact]
    public void The_flag_shows_on_the_decision_without_changing_its_status()
    {
        var state = Decision.Evolve(Decision.Evolve(null, Proposed, "alice"), Missing, "system")!;
        Assert.Equal((true, DecisionStatus.Proposed), (state.SymbolMissing, state.Status));
    }
}
