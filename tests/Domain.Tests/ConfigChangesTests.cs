using Traceability.Domain.Baselines;

namespace Traceability.Domain.Tests;

public class ConfigChangesTests
{
    [Fact]
    public void Changes_since_the_previous_import_are_listed_by_kind_and_sorted_by_symbol()
    {
        var previous = new Dictionary<string, string> { ["HZ"] = "250", ["FUTEX"] = "y", ["ZSWAP"] = "y", ["BPF"] = "y" };
        var current = new Dictionary<string, string> { ["HZ"] = "1000", ["FUTEX"] = "y", ["ARM64_PAN"] = "y", ["ARM64_BTI"] = "y" };

        var changes = ConfigChanges.Compare(previous, current);

        Assert.Equal([new("ARM64_BTI", null, "y"), new("ARM64_PAN", null, "y")], changes.Added);
        Assert.Equal([new("BPF", "y", null), new("ZSWAP", "y", null)], changes.Removed);
        Assert.Equal([new ConfigChange("HZ", "250", "1000")], changes.Changed);
    }

    [Fact]
    public void The_first_import_adds_everything() =>
        Assert.Equal(2, ConfigChanges.Compare(null, new Dictionary<string, string> { ["A"] = "y", ["B"] = "n" }).Added.Count);

    [Fact]
    public void Identical_configs_have_no_changes()
    {
        var values = new Dictionary<string, string> { ["FUTEX"] = "y" };
        Assert.True(ConfigChanges.Compare(values, new Dictionary<string, string>(values)).IsEmpty);
    }
}
