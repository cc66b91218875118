using System.Globalization;
using Npgsql;

namespace Traceability.Bench;

/// <summary>
/// What the server's backends were doing during a measured window: pg_stat_activity sampled every 10 ms (state and
/// wait event of every other client backend of this database, and what its autovacuum workers run), the WAL written (pg_current_wal_lsn before and after), and the
/// chain's sealing passes in the window (one chained_at per pass).
/// </summary>
public sealed class WaitSampler : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stop;
    private Task? _sampling;
    private decimal _walStart;
    private Dictionary<string, TableWork> _tablesStart = [];
    private long _headStart;
    private long _samples;

    private readonly bool _statements;

    /// <summary>With <paramref name="statements"/> (the server has pg_stat_statements) each window also reports its statements by execution time.</summary>
    public WaitSampler(NpgsqlDataSource dataSource, bool statements = false) => (_dataSource, _statements) = (dataSource, statements);

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _sampling = Task.Run(() => SampleAsync(_stop.Token));
    }

    public async Task<WaitProfile> StopAsync()
    {
        if (_stop is null || _sampling is null) return WaitProfile.Empty;
        await _stop.CancelAsync();
        await _sampling;
        var wal = await WalAsync() - _walStart;
        var statements = _statements ? await StatementsAsync() : [];
        var tables = (await TablesAsync()).Select(t => t.Value - _tablesStart.GetValueOrDefault(t.Key, TableWork.None) with { Table = t.Key })
            .Where(t => t.Buffers > 0).OrderByDescending(t => t.Buffers).ToList();
        var (passes, sealedEvents, _) = await PassesSinceAsync(_headStart);
        var profile = new WaitProfile(_samples, (long)wal, passes, sealedEvents, _counts.OrderByDescending(c => c.Value).ToList(), tables, statements);
        (_stop, _sampling, _samples) = (null, null, 0);
        _counts.Clear();
        return profile;
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        _walStart = await WalAsync();
        _tablesStart = await TablesAsync();
        if (_statements)
        {
            await using var reset = _dataSource.CreateCommand("SELECT pg_stat_statements_reset()");
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
        _headStart = (await PassesSinceAsync(long.MaxValue)).Head;
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            SELECT CASE WHEN backend_type = 'autovacuum worker' THEN 'autovacuum: ' || coalesce(substring(query from 'autovacuum: (.*)'), query)
                ELSE coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'cpu') END
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type IN ('client backend', 'autovacuum worker')
            """, connection);
        await command.PrepareAsync(CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var key = reader.GetString(0);
                    _counts[key] = _counts.GetValueOrDefault(key) + 1;
                }
            }
            _samples++;
            await Task.Delay(10, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<decimal> WalAsync()
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
        return (decimal)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Buffers each table's heap, indexes and TOAST were read through (hit or read), and its index scans and the tuples they
    /// fetched, from the cumulative statistics (flushed by each backend at most once a second, so a window's figures are near).
    /// </summary>
    private async Task<Dictionary<string, TableWork>> TablesAsync()
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT s.schemaname || '.' || s.relname,
                coalesce(io.heap_blks_hit, 0) + coalesce(io.heap_blks_read, 0) + coalesce(io.idx_blks_hit, 0) + coalesce(io.idx_blks_read, 0)
                    + coalesce(io.toast_blks_hit, 0) + coalesce(io.toast_blks_read, 0) + coalesce(io.tidx_blks_hit, 0) + coalesce(io.tidx_blks_read, 0),
                coalesce(s.idx_scan, 0), coalesce(s.idx_tup_fetch, 0)
            FROM pg_stat_user_tables s JOIN pg_statio_user_tables io USING (relid)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, TableWork>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) tables[reader.GetString(0)] = new TableWork(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        return tables;
    }

    /// <summary>The window's statements by total execution time (nested ones included), each as "ms, calls, query".</summary>
    private async Task<List<StatementTime>> StatementsAsync()
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT regexp_replace(query, '\s+', ' ', 'g'), calls, total_exec_time, toplevel FROM pg_stat_statements
            WHERE query NOT LIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 12
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<StatementTime>();
        while (await reader.ReadAsync()) statements.Add(new StatementTime(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetBoolean(3)));
        return statements;
    }

    /// <summary>Passes and events sealed after position <paramref name="after"/>, and the head (long.MaxValue: the head alone).</summary>
    private async Task<(long Passes, long Sealed, long Head)> PassesSinceAsync(long after)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT count(DISTINCT chained_at) FILTER (WHERE position > $1), count(*) FILTER (WHERE position > $1),
                (SELECT coalesce(max(position), 0) FROM traceability.event_chain)
            FROM traceability.event_chain WHERE position > least($1, (SELECT coalesce(max(position), 0) FROM traceability.event_chain))
            """);
        command.Parameters.Add(new() { Value = after });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null) await StopAsync();
    }
}

/// <summary>One table's reads in a window: buffers (heap, indexes, TOAST), index scans, tuples those scans fetched.</summary>
public sealed record TableWork(string Table, long Buffers, long IndexScans, long Fetched)
{
    public static readonly TableWork None = new("", 0, 0, 0);

    public static TableWork operator -(TableWork end, TableWork start) =>
        new(end.Table, end.Buffers - start.Buffers, end.IndexScans - start.IndexScans, end.Fetched - start.Fetched);
}

/// <summary>Backends by state and wait event, averaged over the samples; WAL bytes written, sealing passes (events) and tables read in the window.</summary>
/// <summary>One statement's share of a window: its text, calls and total execution time; nested ones (in functions, triggers) are not top level.</summary>
public sealed record StatementTime(string Query, long Calls, double TotalMilliseconds, bool TopLevel);

public sealed record WaitProfile(long Samples, long WalBytes, long Passes, long Sealed, IReadOnlyList<KeyValuePair<string, long>> Counts,
    IReadOnlyList<TableWork> Tables, IReadOnlyList<StatementTime> Statements)
{
    public static readonly WaitProfile Empty = new(0, 0, 0, 0, [], [], []);

    /// <summary>The tables read most, per event: "traceability.mt_events 9.1 buffers, 2.0 index scans".</summary>
    public string TablesPerEvent(long events, int count) => events == 0 ? "" : string.Join("; ", Tables.Take(count).Select(t =>
        string.Create(CultureInfo.InvariantCulture, $"{t.Table} {(double)t.Buffers / events:0.0} buffers, {(double)t.IndexScans / events:0.0} index scans")));

    private const string Autovacuum = "autovacuum: ";

    /// <summary>The top entries of the client backends as "state wait: average backends", e.g. "active LWLock:WALWrite 3.1".</summary>
    public string Top(int count) => Average(Counts.Where(c => !c.Key.StartsWith(Autovacuum, StringComparison.Ordinal)).Take(count));

    /// <summary>Autovacuum workers by what they ran, as the share of the window each was busy, e.g. "VACUUM traceability.event_chain 0.12".</summary>
    public string AutovacuumWork => Average(Counts.Where(c => c.Key.StartsWith(Autovacuum, StringComparison.Ordinal))
        .Select(c => KeyValuePair.Create(c.Key[Autovacuum.Length..], c.Value)), "0.00");

    private string Average(IEnumerable<KeyValuePair<string, long>> counts, string format = "0.0") => Samples == 0 ? "" : string.Join("; ", counts.Select(c =>
        $"{c.Key} {((double)c.Value / Samples).ToString(format, CultureInfo.InvariantCulture)}"));
}
