using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Traceability.Api.Commands;
using Traceability.Api.Http;

namespace Traceability.Api.Web;

/// <summary>
/// The signed-in user's calls to the service's own REST API: X-Api-Key is their key, X-Correlation-Id
/// the page request's id (so the events a form writes are traceable to it), If-Match the version the
/// form was rendered with. Data never comes from the store directly: a page can do only what the API allows.
/// </summary>
public sealed class ApiClient(HttpClient http, string key, string correlation)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<ApiResponse<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, null, ct);

    public Task<ApiResponse<T>> PostAsync<T>(string path, object? body, long? ifMatch, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Json), ifMatch, ct);

    public Task<ApiResponse<T>> PutAsync<T>(string path, object body, long? ifMatch, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json), ifMatch, ct);

    public async Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, long? ifMatch, CancellationToken ct)
    {
        using var response = await RawAsync(method, path, content, ifMatch, ct);
        var version = Version(response);
        if (!response.IsSuccessStatusCode) return new ApiResponse<T>(default, version, await ApiProblem.ReadAsync(response, ct));
        var value = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct);
        return new ApiResponse<T>(value, version, null);
    }

    /// <summary>
    /// The response itself, unread (a download is passed on as it streams); the caller disposes it. A call that got no
    /// answer throws <see cref="ApiUnanswered"/>, saying whether it may have been carried out.
    /// </summary>
    public async Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, HttpContent? content, long? ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ApiKeyAuthentication.Header, key);
        request.Headers.Add(Actor.CorrelationHeader, correlation);
        if (ifMatch is { } version) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ETags.Format(version)));
        // From here the page's own outcome is the API's: a page request that times out while its write is in flight
        // is answered 504 with the outcome unknown, not "nothing was changed".
        if (Writes(method)) WriteOutcome.MarkSent();
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException failure)
        {
            throw new ApiUnanswered(method, failure);
        }
    }

    /// <summary>Whether a call with this method may change something (anything but GET and HEAD).</summary>
    public static bool Writes(HttpMethod method) => method != HttpMethod.Get && method != HttpMethod.Head;

    private static long? Version(HttpResponseMessage response) =>
        response.Headers.ETag?.Tag is { } tag && long.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>Makes the <see cref="ApiClient"/> of a page request, or of a key being checked at sign-in.</summary>
public sealed class ApiClients(IHttpClientFactory factory, SelfAddress self)
{
    public const string Name = "traceability-self";

    public ApiClient For(HttpContext context) => ForKey(WebSession.KeyOf(context), context);

    public ApiClient ForKey(string key, HttpContext context)
    {
        var http = factory.CreateClient(Name);
        http.BaseAddress = self.Value;
        return new ApiClient(http, key, context.TraceIdentifier);
    }
}

/// <summary>
/// A call to the API that got no answer. It may have been carried out when it was a write (not GET or HEAD) and the
/// connection was made: the request can have reached the API before the connection broke.
/// </summary>
public sealed class ApiUnanswered(HttpMethod method, HttpRequestException failure) : Exception($"{method} to the API got no answer: {failure.Message}", failure)
{
    public bool MayHaveBeenCarriedOut { get; } =
        ApiClient.Writes(method) && failure.HttpRequestError != HttpRequestError.ConnectionError;
}
