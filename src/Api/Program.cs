using Traceability.Api.Audit;
using Traceability.Api.Catalogs;
using Traceability.Api.Hosting;
using Traceability.Projections.Embedded;

// The offline check and the catalog generator need no web host and must not start a database.
if (args.Length > 0 && args[0] == VerifyExportCommand.Name) return VerifyExportCommand.Run(args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == CompactCatalogCommand.Name) return CompactCatalogCommand.Run(args[1..], Console.Out, Console.Error);

try
{
    var app = TraceabilityApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is EmbeddedPostgresException || ex.InnerException is EmbeddedPostgresException)
{
    Console.Error.WriteLine($"traceability: the embedded database could not start.{Environment.NewLine}{(ex as EmbeddedPostgresException ?? ex.InnerException)!.Message}");
    return 1;
}

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
