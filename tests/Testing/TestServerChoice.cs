namespace Traceability.Testing;

/// <summary>Where the run's PostgreSQL comes from.</summary>
public enum TestServerPath
{
    /// <summary>A container started through Testcontainers.</summary>
    Docker,

    /// <summary>The product's own launcher (EmbeddedPostgres) in a temp directory.</summary>
    Embedded,

    /// <summary>The server named by TRACEABILITY_TEST_CONNECTION.</summary>
    External,
}

/// <summary>
/// TRACEABILITY_TEST_SERVER picks the path: <c>docker</c>, <c>embedded</c>, or <c>auto</c> (the default):
/// Docker when an engine answers, the embedded launcher when none does. A forced path never falls back:
/// a run asked to prove the Docker path that quietly used another server would prove nothing.
/// </summary>
public static class TestServerChoice
{
    public const string Variable = "TRACEABILITY_TEST_SERVER";

    public static TestServerPath Choose(string? setting, Func<bool> dockerReachable)
    {
        ArgumentNullException.ThrowIfNull(dockerReachable);
        return setting?.Trim().ToUpperInvariant() switch
        {
            null or "" or "AUTO" => dockerReachable() ? TestServerPath.Docker : TestServerPath.Embedded,
            "DOCKER" => TestServerPath.Docker,
            "EMBEDDED" => TestServerPath.Embedded,
            _ => throw new ArgumentException($"{Variable}={setting} is not a test server path: use docker, embedded or auto.", nameof(setting)),
        };
    }
}
