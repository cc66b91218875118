using Traceability.Domain.Assumptions;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Projections.Tests;

/// <summary>Domain events as the store tests append them: the log only accepts the event catalog's types.</summary>
public static class Events
{
    public static readonly EventMetadata Alice = new("alice", "engineer", "test", "corr-1");

    public static AssumptionDrafted Drafted(string id, string text = "The kernel runs at EL1.") => new(id, "environment", text);

    public static DecisionProposed Proposed(string baseline, string symbol, string value = "y") =>
        new(baseline, symbol, value, $"Why {symbol}={value} is safe.", [], [], []);

    public static DecisionApproved Approved(string baseline, string symbol, int revision = 1) => new(baseline, symbol, revision, "ok");

    public static AssumptionRevised Revised(string id, int version) => new(id, version, "environment", $"r{version}", "next");

    /// <summary>An assumption's first <paramref name="count"/> events: its draft, then revisions 2 to count, for one append.</summary>
    public static object[] History(string id, int count) => [Drafted(id), .. Enumerable.Range(2, count - 1).Select(v => Revised(id, v))];

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
