using Traceability.Domain.Requirements;

namespace Traceability.Domain.Tests;

public class RequirementTests
{
    private static Scenario<Requirement> Given(params object[] events) => Scenario.For<Requirement>(Requirement.Evolve).Given(events);

    private static readonly RequirementRecorded Recorded =
        new("sr-12", "DOORS-4711", "Isolate user memory", "The kernel shall not execute user memory.", "requirement");

    [Fact]
    public void Recording_a_requirement_with_its_external_id() =>
        Given().When(s => RequirementDecisions.Record(s, "sr-12", "DOORS-4711", "Isolate user memory",
                "The kernel shall not execute user memory.", "requirement"))
            .Then(Recorded);

    [Fact]
    public void Revising_records_the_next_revision() =>
        Given(Recorded).When(s => RequirementDecisions.Revise(s!, "DOORS-4711", "Isolate user memory",
                "The kernel shall neither execute nor access user memory.", "PAN added"))
            .Then(new RequirementRevised("sr-12", 2, "DOORS-4711", "Isolate user memory",
                "The kernel shall neither execute nor access user memory.", "PAN added"));

    [Fact]
    public void Revising_without_any_change_is_rejected() =>
        Given(Recorded).When(s => RequirementDecisions.Revise(s!, "DOORS-4711", "Isolate user memory",
                "The kernel shall not execute user memory.", "nothing"))
            .ThenFails<DomainRuleViolated>();
}
