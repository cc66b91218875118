namespace Traceability.Projections.Embedded;

public sealed class EmbeddedPostgresOptions
{
    /// <summary>The server's data directory (PGDATA); created and initialised on first start.</summary>
    public string DataDirectory { get; set; } = Path.Combine(".data", "postgres");

    /// <summary>Where initdb, pg_ctl and postgres live; found on PATH or under /usr/lib/postgresql when unset.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The database the service uses; created on first start.</summary>
    public string Database { get; set; } = "traceability";

    /// <summary>PostgreSQL refuses to run as root: when this process is root, the server runs as this user.</summary>
    public string RunAsUser { get; set; } = "postgres";

    /// <summary>
    /// The loopback port to listen on; a free one when unset. A fixed port lets a server that was
    /// stopped come back where its clients' connection strings still point.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>Throwaway servers (tests) skip fsync: their data is gone after the run anyway.</summary>
    public bool Durable { get; set; } = true;
}
