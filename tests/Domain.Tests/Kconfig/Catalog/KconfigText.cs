using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Domain.Tests.Kconfig.Catalog;

/// <summary>Given Kconfig files (path → lines), when parsed for arm64, then the catalog.</summary>
internal static class KconfigText
{
    public static KconfigCatalog Tree(params (string Path, string Text)[] files) =>
        KconfigParser.Parse(KconfigSources.From(files.ToDictionary(f => f.Path, f => f.Text)), KconfigParser.VariablesFor("arm64"));

    public static KconfigCatalog Root(string text) => Tree(("Kconfig", text));

    public static CatalogEntry Symbol(string text, string name)
    {
        var catalog = Root(text);
        Assert.Empty(catalog.Problems);
        return catalog.Find(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the catalog");
    }

    public static SymbolDefinition Definition(string text, string name) => Assert.Single(Symbol(text, name).Definitions);

    public static KconfigProblem SingleProblem(string text) => Assert.Single(Root(text).Problems);
}
