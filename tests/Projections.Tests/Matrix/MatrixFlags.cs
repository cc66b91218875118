using Traceability.Domain.Decisions;
using Traceability.Projections.Events;
using Traceability.Projections.Matrix;
using Traceability.Testing;

namespace Traceability.Projections.Tests.Matrix;

public sealed class MatrixFlagging(LogFixture log) : IClassFixture<LogFixture>
{
    [Fact]
    public async Task Each_flag_marks_exactly_the_rows_it_describes()
    {
        var s = new MatrixScenario(log);
        await s.CreateBaselineAsync("flags");
        await s.ImportAsync("flags", new Dictionary<string, string> { ["FUTEX"] = "y", ["KPROBES"] = "y", ["DEVMEM"] = "y", ["HZ"] = "250", ["SLAB"] = "n", ["MODULES"] = "m" });
        await s.DecideAsync("flags", "FUTEX", "engineer-1", MatrixScenario.Proposed("flags", "FUTEX", "y"), new DecisionApproved("flags", "FUTEX", 1, "ok"));
        await s.DecideAsync("flags", "DEVMEM", "engineer-1", MatrixScenario.Proposed("flags", "DEVMEM", "n"), new DecisionApproved("flags", "DEVMEM", 1, "ok"));
        await s.DecideAsync("flags", "HZ", "engineer-1", MatrixScenario.Proposed("flags", "HZ", "250"));
        await s.DecideAsync("flags", "PROC_KCORE", "engineer-1", MatrixScenario.Proposed("flags", "PROC_KCORE", "n"), new DecisionApproved("flags", "PROC_KCORE", 1, "ok"));
        await s.DecideAsync("flags", "MODULES", "engineer-1", MatrixScenario.Proposed("flags", "MODULES", "m"), new DecisionApproved("flags", "MODULES", 1, "ok"),
            new DecisionMarkedSuspect("flags", "MODULES", "aou/AOU-0001 revised (r2)"));

        var rows = (await s.LiveAsync("flags")).ToDictionary(r => r.Symbol);

        Assert.Equal([], rows["FUTEX"].Flags);
        Assert.Equal([MatrixFlags.Undocumented], rows["KPROBES"].Flags);
        Assert.Equal([MatrixFlags.Deviation], rows["DEVMEM"].Flags);
        Assert.Equal([MatrixFlags.Unapproved], rows["HZ"].Flags);
        Assert.Equal([MatrixFlags.SymbolMissing], rows["PROC_KCORE"].Flags);
        Assert.Equal([MatrixFlags.Suspect], rows["MODULES"].Flags);
        Assert.Equal([], rows["SLAB"].Flags);
        Assert.Null(rows["PROC_KCORE"].ConfigValue);
        Assert.Equal(MatrixRow.Approved, rows["DEVMEM"].Status);
    }

    [Fact]
    public async Task A_withdrawn_decision_leaves_a_built_in_symbol_undocumented_and_evidence_is_counted()
    {
        var s = new MatrixScenario(log);
        await s.CreateBaselineAsync("withdrawn");
        await s.ImportAsync("withdrawn", new Dictionary<string, string> { ["BPF"] = "y" });
        await s.DecideAsync("withdrawn", "BPF", "engineer-1", MatrixScenario.Proposed("withdrawn", "BPF", "y"),
            new EvidenceAttached("withdrawn", "BPF", "E1", "test", "LTP bpf", "pass", "ok"));
        Assert.Equal(1, (await s.LiveAsync("withdrawn"))[0].EvidenceCount);

        await s.DecideAsync("withdrawn", "BPF", "engineer-2", new DecisionWithdrawn("withdrawn", "BPF", "no longer needed"));

        var row = Assert.Single(await s.LiveAsync("withdrawn"));
        Assert.Equal([MatrixFlags.Undocumented], row.Flags);
        Assert.Equal("engineer-2", row.LastChange?.Actor);
    }

    [Fact]
    public async Task A_symbol_that_leaves_the_config_without_a_decision_leaves_the_matrix()
    {
        var s = new MatrixScenario(log);
        await s.CreateBaselineAsync("leaving");
        await s.ImportAsync("leaving", new Dictionary<string, string> { ["A"] = "y", ["B"] = "y" }, "sha1");
        await s.DecideAsync("leaving", "B", "engineer-1", MatrixScenario.Proposed("leaving", "B", "y"));

        await s.ImportAsync("leaving", new Dictionary<string, string> { ["C"] = "m" }, "sha2");

        var rows = await s.LiveAsync("leaving");
        Assert.Equal(["B", "C"], rows.Select(r => r.Symbol));
        Assert.Equal([MatrixFlags.Unapproved, MatrixFlags.SymbolMissing], rows[0].Flags);
    }
}
