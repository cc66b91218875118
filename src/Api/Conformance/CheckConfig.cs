using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Baselines;
using Traceability.Domain.Kconfig;
using Traceability.Projections.Events;
using BadRequest = Traceability.Api.Http.BadRequest;

namespace Traceability.Api.Conformance;

/// <summary>
/// POST /api/baselines/{id}/check: a kernel CI gate. Reads the .config exactly as the import does
/// (same content types, same size cap), compares it with the decisions and writes nothing.
/// </summary>
public static class CheckConfig
{
    /// <summary>The query string: the policy (failOn, strict), the shape of the answer (format, listUndecided) and gate.</summary>
    public sealed record Parameters(
        [FromQuery(Name = "strict")] bool? Strict,
        [FromQuery(Name = "failOn")] string[]? FailOn,
        [FromQuery(Name = "format")] string? Format,
        [FromQuery(Name = "gate")] bool? Gate,
        [FromQuery(Name = "listUndecided")] bool? ListUndecided);

    public static async Task<IResult> Handle(
        string id, [AsParameters] Parameters parameters, HttpRequest request, EventLog log, IConfiguration configuration, CancellationToken ct)
    {
        var asText = parameters.Format?.ToLowerInvariant() switch
        {
            null or "json" => false,
            "text" => true,
            _ => throw new BadRequest($"format must be json or text, not '{parameters.Format}'."),
        };
        var policy = CheckPolicy.Parse(parameters.FailOn, parameters.Strict ?? false);
        var target = await CheckTarget.LoadAsync(log, id, ct);
        var upload = await ConfigUploads.ReadAsync(request, ConfigUploads.MaxConfigBytes(configuration), ct);
        var file = KernelConfigParser.Parse(upload.Config ?? throw new BadRequest("The multipart form has no .config file field (e.g. 'config')."));
        var decisions = await CheckedDecisions.LoadAsync(log, id, ct);
        var marks = await SuspectMarks.LoadAsync(log, id, decisions.Rows, decisions.AsOfPosition, ct);
        var report = ConformanceCheck.Evaluate(target, file, decisions, policy, marks);
        return CheckAnswer.For(report, asText, parameters.ListUndecided ?? false, parameters.Gate ?? false);
    }
}
