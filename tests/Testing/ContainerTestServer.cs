using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Traceability.Testing;

/// <summary>
/// The run's server in a container, through Testcontainers; removed when the test process exits.
/// TRACEABILITY_TEST_POSTGRES_IMAGE names the image (default postgres:15; any image with the official
/// one's contract). TRACEABILITY_TEST_DOCKER_NETWORK=host runs it on the host's network, listening on
/// 127.0.0.1 at a free port: an engine started with --bridge=none (test.sh's private dockerd) has no other.
/// </summary>
public static class ContainerTestServer
{
    public const string ImageVariable = "TRACEABILITY_TEST_POSTGRES_IMAGE";
    public const string NetworkVariable = "TRACEABILITY_TEST_DOCKER_NETWORK";
    public const string DefaultImage = "postgres:15";
    private const string User = "postgres";

    /// <summary>As the embedded launcher's test server: parallel classes each hold a pool of connections.</summary>
    private static readonly string[] MaxConnections = ["-c", "max_connections=200"];

    /// <summary>What PostgreSqlBuilder sets by itself (and the embedded launcher with Durable = false): a throwaway server needs no fsync.</summary>
    private static readonly string[] NotDurable = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

    /// <summary>Testcontainers pings every endpoint it knows (DOCKER_HOST, the default socket, ...) once per process.</summary>
    public static bool DockerReachable() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;

    public static async Task<(string AdminConnection, string Description)> StartAsync()
    {
        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } named ? named : DefaultImage;
        var hostNetwork = string.Equals(Environment.GetEnvironmentVariable(NetworkVariable), "host", StringComparison.OrdinalIgnoreCase);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var (container, connection) = hostNetwork ? await StartOnHostNetwork(image, password) : await StartWithMappedPort(image, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var admin = new NpgsqlConnectionStringBuilder(connection)
        {
            // As the embedded launcher's connection strings do: the store's statements repeat with every append.
            MaxAutoPrepare = 32, AutoPrepareMinUsages = 2,
        };
        return (admin.ConnectionString, $"docker (Testcontainers, image {image}, {(hostNetwork ? "host network" : "mapped port")})");
    }

    private static async Task<(IContainer, string)> StartWithMappedPort(string image, string password)
    {
        var container = new PostgreSqlBuilder(image).WithPassword(password).WithCommand(MaxConnections).Build();
        await container.StartAsync();
        return (container, container.GetConnectionString());
    }

    /// <summary>
    /// PostgreSqlBuilder always maps port 5432 and waits for the mapping, which host networking never
    /// reports; so the same contract (POSTGRES_* variables, PGPORT, pg_isready) is set up by hand here.
    /// </summary>
    private static async Task<(IContainer, string)> StartOnHostNetwork(string image, string password)
    {
        // Ryuk, the reaper container, cannot be pulled where this mode is needed; ProcessExit removes ours.
        TestcontainersSettings.ResourceReaperEnabled = false;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var container = new ContainerBuilder(image)
                .WithEnvironment("POSTGRES_USER", User).WithEnvironment("POSTGRES_PASSWORD", password).WithEnvironment("POSTGRES_DB", "postgres")
                .WithEnvironment("PGPORT", port.ToString(CultureInfo.InvariantCulture))
                .WithCommand([.. MaxConnections, .. NotDurable, "-c", "listen_addresses=127.0.0.1"])
                .WithCreateParameterModifier(parameters => (parameters.HostConfig ??= new()).NetworkMode = "host")
                // Over TCP, as the module does: the socket answers while the init scripts still run.
                .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("pg_isready", "--host", "127.0.0.1", "--username", User))
                .Build();
            try
            {
                await container.StartAsync();
                return (container, new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = User, Password = password, Database = "postgres" }.ConnectionString);
            }
            catch (ContainerNotRunningException) when (attempt < 3)
            {
                // Another process took the port between FreePort and the server's bind: try another.
                await container.DisposeAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
