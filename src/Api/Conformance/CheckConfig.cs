using Traceability.Api.Baselines;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Conformance;

/// <summary>
/// POST /api/baselines/{id}/check: a kernel CI gate. Reads the .config exactly as the import does
/// (same content types, same size cap), compares it with the approved decisions and writes nothing.
/// </summary>
public static class CheckConfig
{
    public static async Task<IResult> Handle(
        string id, bool? strict, string? format, HttpRequest request, EventLog log, IConfiguration configuration, CancellationToken ct)
    {
        var asText = format?.ToLowerInvariant() switch
        {
            null or "json" => false,
            "text" => true,
            _ => throw new BadRequest($"format must be json or text, not '{format}'."),
        };
        var target = await CheckTarget.LoadAsync(log, id, ct);
        var upload = await ConfigUploads.ReadAsync(request, ConfigUploads.MaxConfigBytes(configuration), ct);
        var file = KernelConfigParser.Parse(upload.Config ?? throw new BadRequest("The multipart form has no .config file field (e.g. 'config')."));
        var decisions = await CheckedDecisions.LoadAsync(log, id, ct);
        var report = ConformanceCheck.Evaluate(target, file, decisions, strict ?? false);
        return asText
            ? TypedResults.Text(ConformanceText.Render(report), "text/plain; charset=utf-8")
            : TypedResults.Ok(report);
    }
}
