using System.Text.Json;

namespace Traceability.Api.Web;

/// <summary>A problem document from the API as a page shows it: title, detail and the per-field errors.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, JsonElement? Body)
{
    public static ApiProblem Of(int status, string title, string? detail = null) =>
        new(status, title, detail, new Dictionary<string, string[]>(), null);

    /// <summary>Reads RFC 9457 JSON when the API sent it; any other body becomes a problem named by the status.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json") || text.Length == 0)
            return Of(status, response.ReasonPhrase ?? $"HTTP {status}", text.Length is > 0 and < 500 ? text : null);
        using var document = JsonDocument.Parse(text);
        var body = document.RootElement.Clone();
        return new ApiProblem(status, Text(body, "title") ?? $"HTTP {status}", Text(body, "detail"), FieldErrors(body), body);
    }

    /// <summary>The errors of one form field (the API names fields in camelCase, e.g. "rationale").</summary>
    public IReadOnlyList<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static Dictionary<string, string[]> FieldErrors(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("errors", out var list) || list.ValueKind != JsonValueKind.Object)
            return errors;
        foreach (var field in list.EnumerateObject())
        {
            errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                : [field.Value.ToString()];
        }
        return errors;
    }
}

/// <summary>An API call a page could not do without: the page filter turns it into an error page with the API's problem.</summary>
public sealed class ApiFailed(ApiProblem problem) : Exception(problem.Title)
{
    public ApiProblem Problem { get; } = problem;
}

/// <summary>One API answer: the value on success, else the problem; Version is the ETag's version when there was one.</summary>
public sealed record ApiResponse<T>(T? Value, long? Version, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public T OrThrow() => Problem is null ? Value! : throw new ApiFailed(Problem);
}
