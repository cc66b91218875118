using Npgsql;
using Traceability.Projections.Activity;

namespace Traceability.Api.Activity;

/// <summary>Events per actor and UTC day, as far as the async projection has read the log (asOfPosition).</summary>
public sealed record ActivityDay(string Actor, DateOnly Day, long Events);

public sealed record ActivityReport(long AsOfPosition, IReadOnlyList<ActivityDay> Days);

public static class GetActivity
{
    public const int MaxDays = 366;

    public static async Task<Ok<ActivityReport>> Handle(NpgsqlDataSource dataSource, CancellationToken ct, int days = 30)
    {
        if (days is < 1 or > MaxDays) throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("days", $"days must be between 1 and {MaxDays}.")]);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The daemon's checkpoint is a Marten sequence number: report it as the last chain position it covers.
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    SELECT coalesce((SELECT max(c.position) FROM traceability.event_chain c
                                     WHERE c.seq_id <= (SELECT last_seq_id FROM traceability.mt_event_progression WHERE name = $1)), 0)
                    """) { Parameters = { new() { Value = ActivityProjection.ShardName } } },
                new NpgsqlBatchCommand("""
                    SELECT actor, day, events FROM traceability.activity
                    WHERE day > (now() AT TIME ZONE 'UTC')::date - $1 ORDER BY day DESC, actor
                    """) { Parameters = { new() { Value = days } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var asOf = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var rows = new List<ActivityDay>();
        while (await reader.ReadAsync(ct)) rows.Add(new ActivityDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2)));
        return TypedResults.Ok(new ActivityReport(asOf, rows));
    }
}
