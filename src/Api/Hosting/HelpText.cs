namespace Traceability.Api.Hosting;

/// <summary>
/// --help (issue 12, item 10: it used to start the service): the commands and the settings, printed without
/// starting a database or a web server. The settings are the README's Configuration table; a test keeps them alike.
/// </summary>
public static class HelpText
{
    public static bool Wanted(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?" or "help");

    public static readonly IReadOnlyList<(string Key, string Meaning)> Settings =
    [
        ("Service:DataDirectory", "the service's data directory (default: .data in a checkout, else $XDG_DATA_HOME/traceability or ~/.local/share/traceability)"),
        ("ConnectionStrings:Traceability", "an existing PostgreSQL (15+) to use; when empty the service starts its own"),
        ("ConnectionStrings:TraceabilityMigrations", "with an external server: the schema owner's connection, used only to migrate"),
        ("Database:DataDirectory", "the embedded server's data directory (default: postgres/ in the service data directory)"),
        ("Database:Port", "the embedded server's loopback port (default: a free one)"),
        ("Database:BinDirectory", "where initdb, pg_ctl and postgres are (default: PATH or /usr/lib/postgresql/N/bin)"),
        ("Database:RunAsUser", "the user the embedded server runs as when the service is root (default: postgres)"),
        ("Auth:BootstrapAdminKey", "an admin API key created at start if it does not exist; once revoked it stays revoked"),
        ("Auth:KeyPepperFile", "the secret stored API keys are keyed with (default: generated once into keys/ in the service data directory)"),
        ("Audit:SigningKey", "PEM of the ECDSA P-256 key that signs every append and every audit export (default: generated once into keys/ in the service data directory)"),
        ("Audit:SigningKeyFile", "the path of that PEM"),
        ("Audit:TrustedPublicKeys", "PEMs (or their paths) of earlier service keys whose signatures still count after a rotation"),
        ("Web:KeyRingDirectory", "the key ring that encrypts the web pages' session cookies (default: web-keys/ in the service data directory)"),
        ("Web:ApiAddress", "where the web pages reach the service's own REST API (default: the address it listens on)"),
        ("Limits:MaxRequestBytes", "largest JSON body (default 1 MiB)"),
        ("Limits:MaxConfigBytes", "largest .config upload (default 8 MiB)"),
        ("Limits:MaxExportUploadBytes", "largest audit export upload to verify (default 256 MiB)"),
        ("Limits:MaxCatalogUploadBytes", "largest Kconfig tarball or compact catalog upload (default 512 MiB)"),
        ("Limits:ConcurrentHeavyReads", "exports, verifications and matrix CSVs at once (default: half the processors, at least 2)"),
        ("Limits:RequestTimeoutSeconds", "a request still running after this is answered 504 (default 30)"),
        ("RateLimit:PermitPerMinute", "requests per minute per API key (default 6000; 0 = unlimited)"),
        ("RateLimit:AnonymousPermitPerMinute", "requests per minute per address without a key (default 600)"),
    ];

    /// <summary>The text, with where this installation keeps its data (resolved as the service would).</summary>
    public static void Print(TextWriter output, ServiceDataDirectory dataDirectory)
    {
        output.WriteLine("""
            Traceability: kernel configuration decisions with their safety rationale, as events, over a REST API.

            Usage:
              Traceability.Api [--urls http://127.0.0.1:5000] [--demo] [--Key=value ...]   run the service (Swagger UI at /swagger)
              Traceability.Api verify-export <export.zip> [--public-key <key.pem>]          check an audit export offline (no database);
                                                                                            exit 0 valid, 1 invalid, 2 usage
              Traceability.Api compact-catalog <kernel-tree> --kernel-version <v> --architecture <arch> --out <file.json.gz>
                                                                                            write a compact Kconfig catalog (no database)
              Traceability.Api --help                                                       this text
            From a checkout: ./run.sh [arguments], or dotnet run --project src/Api -- [arguments].

              --demo   once the service listens, load samples/demo through its own API and print demo keys
              --urls   where to listen (default http://localhost:5000; also ASPNETCORE_URLS)

            Exit status: 0 after a normal stop, 1 when the embedded database cannot start, 3 when the address to listen on is in use.

            Settings (appsettings.json, environment variables with __ for ':' such as Service__DataDirectory, or --Key=value):
            """);
        var width = Settings.Max(s => s.Key.Length);
        foreach (var (key, meaning) in Settings) output.WriteLine($"  {key.PadRight(width)}  {meaning}");
        output.WriteLine();
        output.WriteLine($"Service data directory here: {dataDirectory.Path} (from {dataDirectory.Origin})");
    }
}
