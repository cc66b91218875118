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
public sealed class DemoLoader(IServer server, IHostApplicationLifetime lifetime, EventLog log, KeyHasher hasher, ILogger<DemoLoader> logger) : BackgroundService
{
    public const string Switch = "--demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Started(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal);
        try
        {
            // A second run sees the data before it issues anything: the first run's keys still work.
            if (await log.StreamVersionAsync(Domain.Platforms.Platform.StreamId(DemoSteps.ReferencePlatform), stoppingToken) > 0)
            {
                logger.LogInformation("Demo data is already loaded; nothing to do (the keys the first run printed still work)");
                return;
            }
            var keys = new Dictionary<string, string>();
            var names = new Dictionary<string, string>();
            foreach (var (name, role) in new[] { ("demo-admin", Roles.Admin), ("demo-engineer", Roles.Engineer), ("demo-assessor", Roles.Assessor) })
                (names[role], keys[role]) = await IssueKey(name, role, stoppingToken);
            using var steps = new DemoSteps(new Uri(address), keys, logger);
            var summary = await steps.LoadAsync(DemoData.Load(DemoData.SamplesDirectory()), stoppingToken);
            Console.WriteLine($"""

                ==> Demo loaded: {summary}
                    Open {address} and sign in with one of these keys (shown only now; Swagger UI at {address}/swagger takes them too):
                      engineer  {names[Roles.Engineer]}  {keys[Roles.Engineer]}
                      assessor  {names[Roles.Assessor]}  {keys[Roles.Assessor]}
                      admin     {names[Roles.Admin]}  {keys[Roles.Admin]}

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

    /// <summary>
    /// Demo keys are issued as events like any key, each to a demo person of its own (four-eyes compares owners).
    /// Names are never reused (issue 13 item 6), so a re-run after a failed load takes the next free name.
    /// </summary>
    private async Task<(string Name, string Key)> IssueKey(string name, string role, CancellationToken ct)
    {
        var free = name;
        for (var n = 2; await log.StreamVersionAsync(ApiKeyEvents.StreamId(free), ct) > 0; n++) free = $"{name}-{n}";
        var key = ApiKeyStore.NewKey();
        await log.AppendAsync(StreamAppend.Start(ApiKeyEvents.StreamId(free), new ApiKeyIssuedToOwner(free, role, Owner(name), hasher.Keyed(key))),
            new EventMetadata("system", Reason: "demo key"), ct);
        return (free, key);
    }

    /// <summary>"demo-engineer" belongs to "Demo Engineer".</summary>
    private static string Owner(string name) =>
        string.Join(' ', name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
