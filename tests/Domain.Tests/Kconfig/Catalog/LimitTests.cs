using Traceability.Domain.Kconfig.Catalog;
using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>A parse reads a bounded number of files and characters, can be cancelled, and never repeats what a file holds.</summary>
public sealed class LimitTests
{
    /// <summary>Each file sources the next twice: 2^21 inclusions without a bound (issue 13, item 4).</summary>
    private static Dictionary<string, string> FanOut(int depth)
    {
        var files = new Dictionary<string, string> { ["Kconfig"] = "source \"f1\"\nsource \"f1\"\n" };
        for (var i = 1; i < depth; i++) files[$"f{i}"] = $"source \"f{i + 1}\"\nsource \"f{i + 1}\"\n";
        files[$"f{depth}"] = "config LEAF\n\tbool\n";
        return files;
    }

    [Fact]
    public void A_tree_that_sources_each_file_twice_is_refused_after_reading_at_most_the_file_limit()
    {
        var reads = 0;
        var files = FanOut(20);
        var source = KconfigSources.From(path => { reads++; return files.GetValueOrDefault(path); });

        var refused = Assert.Throws<KconfigTreeTooLarge>(() => KconfigParser.Parse(source, KconfigParser.VariablesFor("arm64")));

        Assert.Equal(KconfigLimits.Default.MaxFiles, reads);
        Assert.Contains("20,000 files", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_included_past_the_character_limit_are_refused_before_they_are_parsed()
    {
        var files = new Dictionary<string, string> { ["Kconfig"] = string.Concat(Enumerable.Repeat("source \"big\"\n", 4)), ["big"] = new string('#', 300) };

        var refused = Assert.Throws<KconfigTreeTooLarge>(() =>
            KconfigParser.Parse(KconfigSources.From(files), KconfigParser.VariablesFor("arm64"), limits: new KconfigLimits(100, 1_000)));

        Assert.Contains("1,000 characters", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_6_12_arm64_tree_stays_far_below_the_limits()
    {
        var catalog = KernelTrees.Parse("6.12", "arm64");
        var characters = catalog.Files.Sum(f => File.ReadAllText(Path.Combine(KernelTrees.Root("6.12"), f)).Length);

        Assert.InRange(catalog.Files.Count, 1_000, KconfigLimits.Default.MaxFiles / 10);
        Assert.InRange(characters, 1_000_000, KconfigLimits.Default.MaxCharacters / 10);
    }

    [Fact]
    public void A_cancelled_parse_stops_between_files()
    {
        using var cancellation = new CancellationTokenSource();
        var reads = 0;
        var files = FanOut(20);
        var source = KconfigSources.From(path =>
        {
            if (++reads == 10) cancellation.Cancel();
            return files.GetValueOrDefault(path);
        });

        Assert.ThrowsAny<OperationCanceledException>(() => KconfigParser.Parse(source, KconfigParser.VariablesFor("arm64"), ct: cancellation.Token));
        Assert.Equal(10, reads);
    }

    [Fact]
    public void A_file_the_source_refuses_is_a_problem_with_the_reason_and_parsing_goes_on()
    {
        var source = KconfigSources.From(path => path switch
        {
            "Kconfig" => KconfigFile.Of("source \"etcdir/passwd\"\nconfig FOO\n\tbool\n"),
            _ => KconfigFile.Refused("it resolves outside the kernel tree (a symbolic link)"),
        });

        var catalog = KconfigParser.Parse(source, KconfigParser.VariablesFor("arm64"));

        Assert.Equal("Kconfig:1: sourced file etcdir/passwd was not read: it resolves outside the kernel tree (a symbolic link)",
            Assert.Single(catalog.Problems).ToString());
        Assert.NotNull(catalog.Find("FOO"));
    }

    [Fact]
    public void Problems_never_repeat_what_a_line_says()
    {
        var catalog = Root("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        Assert.Equal(2, catalog.Problems.Count);
        Assert.All(catalog.Problems, p => Assert.DoesNotContain("root", p.Message, StringComparison.Ordinal));
        Assert.All(catalog.Problems, p => Assert.DoesNotContain("daemon", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_path_with_unusual_characters_is_not_repeated() =>
        Assert.Equal("Kconfig:1: sourced file (a path with unusual characters) does not exist",
            SingleProblem("source \"secret:value with spaces\"\n").ToString());
}
