using Marten;
using Marten.Services;

namespace Traceability.Api.Http;

/// <summary>
/// Whether a request's unit of work has gone to the database. Before that, a failure changed nothing. From then until
/// the answer, a connection that breaks (or a timeout that cancels the commit) leaves the outcome unknown: the COMMIT
/// may have been carried out. The problem document then says so instead of "nothing was changed", so a client reads
/// back before it repeats a write that is not idempotent (a POST that numbers what it creates).
/// </summary>
public sealed class WriteOutcome
{
    private static readonly AsyncLocal<WriteOutcome?> Current = new();
    private int _sent;

    public bool Sent => Volatile.Read(ref _sent) == 1;

    /// <summary>The problem's detail when the unit of work may or may not have committed.</summary>
    public const string Unknown =
        "The connection to the database broke after this request's changes were sent, so whether they were recorded is not known. "
        + "Read the resource back before repeating the request (a retry with the same If-Match is refused if they were).";

    /// <summary>Tracks each request's unit of work; the problem mapping and the timeout response read it from the request's features.</summary>
    public static IApplicationBuilder UseWriteOutcome(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var outcome = new WriteOutcome();
        context.Features.Set(outcome);
        Current.Value = outcome;
        await next(context);
    });

    public static bool SentFor(HttpContext context) => context.Features.Get<WriteOutcome>()?.Sent == true;

    /// <summary>For a write that goes to the database outside a Marten session (an autocommit statement), just before it is sent.</summary>
    public static void MarkSent()
    {
        if (Current.Value is { } outcome) Volatile.Write(ref outcome._sent, 1);
    }

    /// <summary>Marks the current request's unit of work as sent just before Marten executes it (every write of the API saves through a Marten session).</summary>
    public sealed class Listener : DocumentSessionListenerBase
    {
        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            MarkSent();
            return Task.CompletedTask;
        }
    }
}
