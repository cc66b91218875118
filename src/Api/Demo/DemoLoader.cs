using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Traceability.Api.Http;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;

namespace Traceability.Api.Demo;

/// <summary>
/// --demo: once the service listens, loads samples/demo through its own REST API (the same handlers,
/// validation and rules as any client), with demo keys for an engineer and an assessor so that
/// four-eyes approval is real. Skipped when the reference platform already exists.
/// </summary>
public sealed class DemoLoader(IServer server, IHostApplicationLifetime lifetime, EventLog log, ILogger<DemoLoader> logger) : BackgroundService
{
    public const string Switch = "--demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Started(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal);
        try
        {
            var keys = new Dictionary<string, string>();
            foreach (var (name, role) in new[] { ("demo-admin", Roles.Admin), ("demo-engineer", Roles.Engineer), ("demo-assessor", Roles.Assessor) })
                keys[role] = await IssueKey(name, role, stoppingToken);
            using var steps = new DemoSteps(new Uri(address), keys, logger);
            if (await steps.AlreadyLoadedAsync(stoppingToken))
            {
                logger.LogInformation("Demo data is already loaded; nothing to do");
                return;
            }
            var summary = await steps.LoadAsync(DemoData.Load(DemoData.SamplesDirectory()), stoppingToken);
            Console.WriteLine($"""

                ==> Demo loaded: {summary}
                    Open {address} and sign in with one of these keys (shown only now; Swagger UI at {address}/swagger takes them too):
                      engineer  demo-engineer  {keys[Roles.Engineer]}
                      assessor  demo-assessor  {keys[Roles.Assessor]}
                      admin     demo-admin     {keys[Roles.Admin]}

                """);
        }
        catch (Exception ex) when (ex is HttpRequestException or DemoStepFailed or IOException)
        {
            logger.LogError("The demo could not be loaded: {Error}", ex.Message);
        }
    }

    private async Task<bool> Started(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, ct));
        return started.Task.IsCompleted;
    }

    /// <summary>Demo keys are issued as events like any key; a re-run issues fresh ones.</summary>
    private async Task<string> IssueKey(string name, string role, CancellationToken ct)
    {
        var key = ApiKeyStore.NewKey();
        var stream = ApiKeyEvents.StreamId(name);
        await log.AppendAsync(new StreamAppend(stream, await log.StreamVersionAsync(stream, ct), [new ApiKeyIssued(name, role, ApiKeyStore.Hash(key))]),
            new EventMetadata("system", Reason: "demo key"), ct);
        return key;
    }
}
