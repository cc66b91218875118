using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Traceability.Domain;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Embedded;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;

namespace Traceability.Api.Http;

/// <summary>The one place where errors become ProblemDetails, with the status map of STYLE.md.</summary>
public sealed class ProblemMapping(ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var (status, title, detail, extensions) = Map(Unwrap(exception));
        if (status == StatusCodes.Status503ServiceUnavailable && WriteOutcome.SentFor(context) && MayHaveCommitted(Unwrap(exception)))
            (detail, extensions) = (WriteOutcome.Unknown, new() { ["outcome"] = "unknown" });
        // An outage answers every request with 503: one line each, not a stack trace each, keeps the log readable.
        if (exception is ServiceBusy) logger.LogInformation("{Method} {Path}: busy ({Error})", context.Request.Method, context.Request.Path, exception.Message);
        else if (status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("{Method} {Path}: database unavailable ({Error})", context.Request.Method, context.Request.Path, exception.Message);
        else if (status >= 500) logger.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        await Problems.Write(context, status, title, detail, extensions);
        return true;
    }

    private static (int, string, string, Dictionary<string, object?>?) Map(Exception exception) => exception switch
    {
        ValidationException v => (400, "Invalid request", "One or more fields are invalid.", new() { ["errors"] = Errors(v) }),
        BadHttpRequestException { StatusCode: 413 } => (413, "Request too large", exception.Message, null),
        BadHttpRequestException b => (b.StatusCode, "Invalid request", Unwrap(b), null),
        JsonException j => (400, "Invalid JSON", JsonDetail(j), null),
        BadRequest or ArgumentException or FormatException => (400, "Invalid request", exception.Message, null),
        UnsupportedContent => (415, "Unsupported content type", exception.Message, null),
        ServiceBusy => (503, "Busy", exception.Message, null),
        ResourceNotFound => (404, "Not found", exception.Message, null),
        Projections.Keys.KeyNoLongerActive => (401, "Unauthorized", exception.Message, null),
        PreconditionFailed => (412, "Precondition failed", exception.Message, null),
        Refusal r => (r.Status, r.Title, r.Message, null),
        EventStreamUnexpectedMaxEventIdException c => (409, "Conflict", $"Someone else changed '{c.Id}' at the same time; reload it and try again.", null),
        Marten.Exceptions.ExistingStreamIdCollisionException c => (409, "Conflict", $"'{c.Id}' was created by someone else at the same time; reload it and try again.", null),
        ConcurrencyException => (409, "Conflict", "Someone else changed this at the same time; reload it and try again.", null),
        DomainRuleViolated => (409, "Rule violated", exception.Message, null),
        Catalogs.SymbolNotInCatalog => (422, "Symbol not in the catalog", exception.Message, null),
        Domain.Kconfig.Catalog.KconfigTreeTooLarge => (422, "Kconfig tree too large", exception.Message, null),
        ConfigParseException p => (422, "Unparseable .config", exception.Message,
            new() { ["problems"] = p.Problems.Select(x => new { line = x.Line, text = x.Text, message = x.Message }).ToList(), ["truncated"] = p.Truncated }),
        PostgresException pg when !IsUnavailable(pg) => (500, "Unexpected error", "The service failed unexpectedly; the error has been logged.", null),
        EmbeddedPostgresException or NpgsqlException or TimeoutException =>
            (503, "Database unavailable", "The database cannot be reached right now; nothing was changed. Retry shortly.", null),
        OperationCanceledException => (499, "Request cancelled", "The request was cancelled before it completed.", null),
        _ => (500, "Unexpected error", "The service failed unexpectedly; the error has been logged.", null),
    };

    /// <summary>
    /// A broken connection or a terminated backend: the COMMIT may have been carried out before the answer was lost. An
    /// error the server reported for a statement (serialization failure, deadlock, lock or resource refused) rolled the
    /// transaction back, and an exception that is not the driver's never reached the server.
    /// </summary>
    private static bool MayHaveCommitted(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>Marten wraps the driver's errors (MartenCommandException): what they mean for the client is the driver error inside.</summary>
    private static Exception Unwrap(Exception exception) =>
        exception is MartenException { InnerException: NpgsqlException or TimeoutException } wrapped ? wrapped.InnerException! : exception;

    private static Dictionary<string, string[]> Errors(ValidationException v) =>
        v.Errors.GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "body" : JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    private static string Unwrap(BadHttpRequestException b) =>
        b.InnerException is JsonException j ? JsonDetail(j) : b.Message;

    private static string JsonDetail(JsonException j) =>
        $"The body is not valid JSON for this operation at {j.Path ?? "$"} (line {j.LineNumber + 1}, byte {j.BytePositionInLine + 1}).";

    /// <summary>
    /// Server errors that mean "not now, retry": connection (08), operator intervention such as a shutdown
    /// or a starting server (57P), resources (53), serialization failure or deadlock (40), lock not
    /// available (55P03). Any other server error is a bug here and must surface as one (500), not hide as 503.
    /// </summary>
    private static bool IsUnavailable(PostgresException pg) =>
        pg.SqlState is "55P03" || RetryableClasses.Any(c => pg.SqlState.StartsWith(c, StringComparison.Ordinal));

    private static readonly string[] RetryableClasses = ["08", "57P", "53", "40"];
}
