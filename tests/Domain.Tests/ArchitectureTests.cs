namespace Traceability.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void The_domain_references_nothing_but_the_base_class_library()
    {
        var references = typeof(EventCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"Traceability.Domain references {name}"));
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
