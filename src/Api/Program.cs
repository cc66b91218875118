using JasperFx;
using Microsoft.AspNetCore.Connections;
using Traceability.Api.Audit;
using Traceability.Api.Catalogs;
using Traceability.Api.Hosting;
using Traceability.Projections.Embedded;

// The offline check and the catalog generator need no web host and must not start a database.
if (args.Length > 0 && args[0] == VerifyExportCommand.Name) return VerifyExportCommand.Run(args[1..], Console.Out, Console.Error);
if (args.Length > 0 && args[0] == CompactCatalogCommand.Name) return CompactCatalogCommand.Run(args[1..], Console.Out, Console.Error);
// Wolverine's generated code (src/Api/Internal/Generated): `codegen write` after changing an endpoint (scripts/check-generated-code.sh in CI);
// `resources` and `describe` are JasperFx's own diagnostics.
if (args.Length > 0 && args[0] is "codegen" or "resources" or "describe") return await TraceabilityApp.Build(args, serving: false).RunJasperFxCommands(args);
if (HelpText.Wanted(args))
{
    var settings = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray()).Build();
    HelpText.Print(Console.Out, ServiceDataDirectory.Resolve(settings, Directory.GetCurrentDirectory()));
    return 0;
}

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
catch (PortInUse taken)
{
    Console.Error.WriteLine(ListenAddresses.Message(taken.Url));
    return 3;
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    // Taken between the check and the bind: still one line, not a stack trace.
    Console.Error.WriteLine($"traceability: {ex.Message} (is the service already running?)");
    return 3;
}

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
