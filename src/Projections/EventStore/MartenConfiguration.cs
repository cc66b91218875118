using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using Traceability.Projections.Activity;
using Traceability.Projections.Keys;
using Traceability.Projections.Links;
using Traceability.Projections.Matrix;
using Traceability.Projections.Trust;
using Traceability.Projections.WriteModels;

namespace Traceability.Projections.Events;

/// <summary>
/// The one place Marten is configured; the service, the tests, the bench and the schema export all use it.
/// The schema is never created or changed by Marten at run time (AutoCreate.None): it comes from the
/// numbered migrations, which hold Marten's exported DDL, and a test asserts that they match.
/// </summary>
public static class MartenConfiguration
{
    public const string Schema = "traceability";

    /// <summary>The advisory lock whose holder runs the async projections (HotCold): one instance of the cluster.</summary>
    public const int DaemonLockId = 0x7472_6163;

    /// <summary>The read models kept in the append's transaction; the bulk append path applies the same ones itself.</summary>
    public static IReadOnlyList<IProjection> InlineProjections { get; } = [new MatrixProjection(), new DecisionLinksProjection(), new ApiKeysProjection()];

    public static void Configure(StoreOptions o, NpgsqlDataSource dataSource, ServiceKey key)
    {
        o.Connection(dataSource);
        o.DatabaseSchemaName = Schema;
        o.AutoCreateSchemaObjects = AutoCreate.None;
        ConfigureEvents(o);
        o.Listeners.Add(new AppendAuthentication(key));
        foreach (var projection in InlineProjections) o.Projections.Add(projection, ProjectionLifecycle.Inline);
        o.Projections.Add(new ActivityProjection(), ProjectionLifecycle.Async, ActivityProjection.ProjectionName,
            a => a.DeleteDataInTableOnTeardown($"{Schema}.{ActivityProjection.Table}"));
        Aggregates.Register(o);
        o.Projections.DaemonLockId = DaemonLockId;
        // A stored event this build cannot read stops a projection instead of being skipped silently.
        o.Projections.Errors.SkipUnknownEvents = false;
        o.Projections.RebuildErrors.SkipUnknownEvents = false;
    }

    /// <summary>
    /// String stream keys (decision/arm64-6.12/FUTEX), stable snake_case aliases, every metadata column,
    /// Quick appends with the application's timestamps (microseconds, so inline projections and
    /// signatures see exactly what is stored), and a unique index on event ids.
    /// </summary>
    public static void ConfigureEvents(StoreOptions o)
    {
        o.Events.StreamIdentity = StreamIdentity.AsString;
        o.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        o.Events.TimeProvider = MicrosecondClock.Instance;
        o.Events.MetadataConfig.EnableAll();
        o.Events.MetadataConfig.UserNameEnabled = true;
        o.Events.EnableUniqueIndexOnEventId = true;
        EventJson.UseFor(o);
        foreach (var (alias, type) in EventTypes.All) o.Events.MapEventType(type, alias);
    }
}
