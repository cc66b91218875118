using Npgsql;

namespace Traceability.Projections.Events;

/// <summary>What an append may ask for, given the batch's connection, while the append lock is held.</summary>
public delegate Task<IReadOnlyList<StreamAppend>> Decide(NpgsqlConnection connection, CancellationToken ct);

internal sealed partial class AppendBatcher
{
    /// <summary>
    /// One transaction for the whole batch. Plain appends that queue next to each other are written
    /// together; each decide runs in order and is written at once, so the next one reads it. Nothing is
    /// completed before the commit: a batch that fails is retried append by append, decides included
    /// (a decide may therefore run more than once; only the run that commits counts).
    /// </summary>
    private async Task WriteBatchOn(NpgsqlConnection connection, List<Pending> batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // A decide reads before it writes: take the lock first, or its reads could go stale.
        if (batch.Any(p => p.Decide is not null)) await EventStore.LockAppends(connection, CancellationToken.None);
        var outcomes = new List<AppendOutcome>(batch.Count);
        for (var i = 0; i < batch.Count;)
        {
            if (batch[i].Decide is { } decide)
            {
                outcomes.Add(await DecideAndWrite(connection, decide));
                i++;
                continue;
            }
            var plain = batch.Skip(i).TakeWhile(p => p.Decide is null).Select(p => p.Append!).ToList();
            outcomes.AddRange(await _store.WriteAsync(connection, plain, CancellationToken.None));
            i += plain.Count;
        }
        try
        {
            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
        {
            throw new CommitOutcomeUnknown(ex);
        }
        for (var i = 0; i < batch.Count; i++) Complete(batch[i], outcomes[i]);
    }

    /// <summary>
    /// A decide that refuses (a rule, a missing resource) wrote nothing and read only: its refusal is its
    /// outcome and the batch goes on. A database error aborts the transaction, so it fails the batch.
    /// </summary>
    private async Task<AppendOutcome> DecideAndWrite(NpgsqlConnection connection, DecideStep decide)
    {
        PreparedAppend prepared;
        try
        {
            prepared = PreparedAppend.From(await decide.Run(connection, CancellationToken.None), decide.Metadata, _store.Serializer);
        }
        catch (Exception ex) when (ex is not NpgsqlException)
        {
            return new AppendOutcome(null, null, ex);
        }
        if (prepared.EventCount == 0) return new AppendOutcome(AppendResult.Nothing, null);
        return (await _store.WriteAsync(connection, [prepared], CancellationToken.None))[0];
    }

    private static void Complete(Pending pending, AppendOutcome outcome)
    {
        if (outcome.Refusal is { } refusal) pending.Completion.TrySetException(refusal);
        else if (outcome.Conflict is { } conflict) pending.Completion.TrySetException(conflict);
        else pending.Completion.TrySetResult(outcome.Result!);
    }
}
