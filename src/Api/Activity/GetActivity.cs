using Npgsql;
using Traceability.Projections.Activity;
using Traceability.Projections.Daemon;

namespace Traceability.Api.Activity;

/// <summary>Events per actor and UTC day, as far as the async projection has read the log (asOfSeqId).</summary>
public sealed record ActivityDay(string Actor, DateOnly Day, long Events);

public sealed record ActivityReport(long AsOfSeqId, IReadOnlyList<ActivityDay> Days);

public static class GetActivity
{
    public const int MaxDays = 366;

    public static async Task<Ok<ActivityReport>> Handle(NpgsqlDataSource dataSource, CancellationToken ct, int days = 30)
    {
        if (days is < 1 or > MaxDays) throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("days", $"days must be between 1 and {MaxDays}.")]);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var asOf = await Checkpoints.ReadAsync(connection, ActivityProjection.ProjectionName, ct);
        await using var command = new NpgsqlCommand("""
            SELECT actor, day, events FROM traceability.activity
            WHERE day > (now() AT TIME ZONE 'UTC')::date - $1 ORDER BY day DESC, actor
            """, connection);
        command.Parameters.Add(new() { Value = days });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ActivityDay>();
        while (await reader.ReadAsync(ct)) rows.Add(new ActivityDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt64(2)));
        return TypedResults.Ok(new ActivityReport(asOf, rows));
    }
}
