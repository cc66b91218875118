using static Traceability.Domain.Tests.Kconfig.Catalog.KconfigText;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

public sealed class BlockTests
{
    [Fact]
    public void If_and_menu_dependencies_are_inherited_by_what_they_hold()
    {
        var foo = Definition("""
            if ARM64
            menu "Platform"
            	depends on MMU
            	visible if EXPERT
            config FOO
            	bool "Foo"
            	depends on BAR
            endmenu
            endif
            """, "FOO");

        Assert.Equal(["ARM64", "MMU"], foo.Inherited);
        Assert.Equal(["BAR"], foo.DependsOn);
    }

    [Fact]
    public void Choice_members_know_their_choice_and_inherit_its_dependencies()
    {
        var catalog = Root("""
            choice
            	prompt "Page size"
            	default PAGE_4K
            	depends on MMU
            config PAGE_4K
            	bool "4KB"
            config PAGE_64K
            	bool "64KB"
            endchoice
            config AFTER
            	bool
            """);

        Assert.Empty(catalog.Problems);
        Assert.Equal(["MMU"], catalog.Find("PAGE_64K")!.Definitions[0].Inherited);
        Assert.Equal("Kconfig:1", catalog.Find("PAGE_4K")!.Definitions[0].Choice);
        Assert.Empty(catalog.Find("AFTER")!.Definitions[0].Inherited);
        Assert.Null(catalog.Find("AFTER")!.Definitions[0].Choice);
    }

    [Fact]
    public void Comments_and_mainmenu_are_read_but_are_not_symbols()
    {
        var catalog = Root("mainmenu \"Linux/$(ARCH) Kernel Configuration\"\ncomment \"Drivers\"\n\tdepends on PCI\n");

        Assert.Equal("Linux/$(ARCH) Kernel Configuration", catalog.MainMenu);
        Assert.Empty(catalog.Symbols);
        Assert.Empty(catalog.Problems);
    }

    [Theory]
    [InlineData("endmenu\n", "'endmenu' does not close anything")]
    [InlineData("if A\nendmenu\nendif\n", "'endmenu' does not close anything: the open block is the if at Kconfig:1")]
    [InlineData("menu \"M\"\n", "'menu' is not closed before the end of Kconfig")]
    [InlineData("choice\n\tprompt \"C\"\n", "'choice' is not closed before the end of Kconfig")]
    public void Unbalanced_blocks_are_reported(string text, string message) =>
        Assert.StartsWith(message, SingleProblem(text).Message, StringComparison.Ordinal);

    [Fact]
    public void A_block_left_open_in_a_sourced_file_is_reported_there_and_closed()
    {
        var catalog = Tree(("Kconfig", "source \"a/Kconfig\"\nconfig FOO\n\tbool\n"), ("a/Kconfig", "if A\n"));

        Assert.Equal("a/Kconfig:1: 'if' is not closed before the end of a/Kconfig", Assert.Single(catalog.Problems).ToString());
        Assert.Empty(catalog.Find("FOO")!.Definitions[0].Inherited);
    }
}
