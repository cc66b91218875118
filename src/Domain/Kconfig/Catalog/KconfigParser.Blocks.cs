namespace Traceability.Domain.Kconfig.Catalog;

public sealed partial class KconfigParser
{
    /// <summary>An open if/menu/choice; Conditions are what it adds to the dependencies of what it holds.</summary>
    private sealed record Block(string Kind, SourceSite Site, List<string> Conditions, string? Label);

    private void OpenIf(SourceSite site, string line, List<Token> tokens)
    {
        // Opened even without a condition, so that its endif does not become a second problem.
        if (tokens.Count < 2) Problem(site, "'if' without a condition");
        _blocks.Add(new Block("if", site, tokens.Count < 2 ? [] : [line[tokens[1].Start..tokens[^1].End]], null));
    }

    private void OpenMenu(SourceSite site, List<Token> tokens)
    {
        var block = new Block("menu", site, [], tokens.Count > 1 ? tokens[1].Text : null);
        if (tokens.Count != 2) Problem(site, "'menu' must be followed by its prompt");
        _blocks.Add(block);
        _entry = new EntryBuilder(block.Kind, null, site, [], null, block.Conditions);
    }

    private void OpenChoice(SourceSite site, List<Token> tokens)
    {
        var name = tokens.Count > 1 ? tokens[1].Text : null;
        var block = new Block("choice", site, [], name);
        _blocks.Add(block);
        _entry = new EntryBuilder(block.Kind, null, site, [], null, block.Conditions);
    }

    private void Close(SourceSite site, string kind)
    {
        if (_blocks.Count == 0 || _blocks[^1].Kind != kind)
        {
            var open = _blocks.Count == 0 ? "nothing is open" : $"the open block is the {_blocks[^1].Kind} at {_blocks[^1].Site}";
            Problem(site, $"'end{kind}' does not close anything: {open}");
            return;
        }
        _blocks.RemoveAt(_blocks.Count - 1);
    }

    /// <summary>Kconfig refuses a block opened in one file and closed in another; so do we.</summary>
    private void CloseBlocksOf(string path, int depth)
    {
        while (_blocks.Count > depth)
        {
            Problem(_blocks[^1].Site, $"'{_blocks[^1].Kind}' is not closed before the end of {Shown(path)}");
            _blocks.RemoveAt(_blocks.Count - 1);
        }
    }

    private List<string> Inherited() => _blocks.SelectMany(b => b.Conditions).ToList();

    /// <summary>The prompts of the open menus, outermost first: where menuconfig shows the entry.</summary>
    private string? MenuPath()
    {
        var menus = _blocks.Where(b => b is { Kind: "menu", Label: not null }).Select(b => b.Label).ToList();
        return menus.Count == 0 ? null : string.Join(" > ", menus);
    }

    private string? CurrentChoice()
    {
        var choice = _blocks.LastOrDefault(b => b.Kind == "choice");
        return choice is null ? null : choice.Label ?? choice.Site.ToString();
    }
}
