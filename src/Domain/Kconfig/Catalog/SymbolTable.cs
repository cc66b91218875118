namespace Traceability.Domain.Kconfig.Catalog;

/// <summary>Every definition of every symbol, in source order, folded into catalog entries at the end.</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, List<SymbolDefinition>> _definitions = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string name, SymbolDefinition definition)
    {
        if (!_definitions.TryGetValue(name, out var list))
        {
            _definitions[name] = list = [];
            _order.Add(name);
        }
        // A file sourced twice defines the same symbol at the same site twice: one site, unless the two
        // sourcings sit under different conditions, which are then alternatives like any two sites.
        if (!list.Exists(d => d.Site == definition.Site && d.Conditions.SequenceEqual(definition.Conditions))) list.Add(definition);
    }

    /// <summary>Adds a problem for each symbol given two different types (Kconfig warns and keeps the first).</summary>
    public List<CatalogEntry> Entries(List<KconfigProblem> problems)
    {
        var entries = new List<CatalogEntry>(_order.Count);
        foreach (var name in _order)
        {
            var definitions = _definitions[name];
            var typed = definitions.Where(d => d.Type is not null).ToList();
            foreach (var other in typed.Skip(1).Where(d => d.Type != typed[0].Type))
                problems.Add(new KconfigProblem(other.Site, $"{name} is {other.Type} here but {typed[0].Type} at {typed[0].Site}"));
            entries.Add(new CatalogEntry(
                name,
                typed.FirstOrDefault()?.Type,
                definitions.SelectMany(d => d.Prompts).FirstOrDefault()?.Value,
                definitions.Select(d => d.Help).FirstOrDefault(h => h is not null),
                definitions));
        }
        return entries;
    }
}
