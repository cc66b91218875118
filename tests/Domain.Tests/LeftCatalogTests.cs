using Traceability.Domain.Catalogs;
using Traceability.Domain.Decisions;
using static Traceability.Domain.Tests.DecisionLifecycleTests;

namespace Traceability.Domain.Tests;

public class LeftCatalogTests
{
    private static readonly DecisionSymbolLeftCatalog Left = new(Baseline, "FUTEX", "6.1.192/arm64", "6.12.117/arm64",
        [new RenameSuggestion("FUTEX2", "prompt", 1.0, "Enable futex support", "same prompt")]);

    private static Decision State(params object[] events) =>
        events.Aggregate((Decision?)null, (state, e) => Decision.Evolve(state, e, "alice"))!;

    [Fact]
    public void The_report_shows_on_the_decision_without_changing_its_status_or_value()
    {
        var state = State(Proposed, Left);
        Assert.Equal((Left, DecisionStatus.Proposed, "y"), (state.LeftCatalog, state.Status, state.Value));
    }

    [Fact]
    public void A_revision_answers_the_report_and_clears_it() =>
        Assert.Null(State(Proposed, Left, RevisedToN).LeftCatalog);

    [Fact]
    public void Approval_and_withdrawal_keep_the_report() =>
        Assert.Equal(Left, State(Proposed, Left, Approved(1), new DecisionWithdrawn(Baseline, "FUTEX", "gone in 6.12")).LeftCatalog);
}
