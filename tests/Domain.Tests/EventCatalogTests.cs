using System.Reflection;
using System.Text.Json;
using Traceability.Domain.Baselines;
using Traceability.Domain.Decisions;

namespace Traceability.Domain.Tests;

public class EventCatalogTests
{
    private static readonly Assembly Domain = typeof(EventCatalog).Assembly;

    /// <summary>Records that are not events: aggregate states (what Evolve returns) and value records.</summary>
    private static readonly HashSet<Type> NotEvents =
    [
        .. Domain.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == "Evolve").Select(m => m.ReturnType),
        typeof(ConfigChange),
        typeof(ConfigChanges),
        typeof(Traceability.Domain.Catalogs.CatalogSymbol),
        typeof(Traceability.Domain.Catalogs.CatalogDefinition),
        typeof(Traceability.Domain.Catalogs.RenameSuggestion),
        typeof(Traceability.Domain.Catalogs.GuardedSymbol),
        typeof(Traceability.Domain.Catalogs.SymbolLink),
    ];

    [Fact]
    public void Aliases_are_unique() =>
        Assert.Equal(EventCatalog.All.Count, EventCatalog.All.Select(e => e.Alias).Distinct().Count());

    [Fact]
    public void Types_are_listed_once() =>
        Assert.Equal(EventCatalog.All.Count, EventCatalog.All.Select(e => e.Type).Distinct().Count());

    [Fact]
    public void Aliases_are_snake_case() =>
        Assert.All(EventCatalog.All, e => Assert.Matches("^[a-z]+(_[a-z0-9]+)*$", e.Alias));

    [Fact]
    public void Every_event_record_in_the_domain_is_listed()
    {
        var events = Domain.GetTypes()
            .Where(t => t.IsPublic && t.IsSealed && IsRecord(t) && !NotEvents.Contains(t))
            .Where(t => t.Namespace != typeof(Traceability.Domain.Kconfig.KernelConfig).Namespace) // parser output, not events
            .Where(t => t.Namespace != typeof(Traceability.Domain.Kconfig.Catalog.KconfigCatalog).Namespace)
            .Select(t => t.Name).Order();
        Assert.Equal(events, EventCatalog.All.Select(e => e.Type.Name).Order());
    }

    [Fact]
    public void Alias_and_type_lookups_agree() =>
        Assert.All(EventCatalog.All, e => Assert.Equal(e.Type, EventCatalog.TypeOf(EventCatalog.AliasOf(e.Type))));

    [Fact]
    public void Statuses_are_stored_by_name_so_reordering_the_enum_cannot_rewrite_history()
    {
        var e = new DecisionCarriedForward("b", "FUTEX", "a", "y", "r", [], [], [], DecisionStatus.Approved, "alice", "bob", false);
        var json = JsonSerializer.Serialize(e);
        Assert.Contains("\"Status\":\"Approved\"", json, StringComparison.Ordinal);
        Assert.Equal(DecisionStatus.Approved, JsonSerializer.Deserialize<DecisionCarriedForward>(json)!.Status);
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
