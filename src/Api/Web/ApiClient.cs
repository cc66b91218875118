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

    public Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, long? ifMatch, CancellationToken ct) =>
        SendAsync<T>(new ApiCall(method, path, Writes(method)), content, ifMatch, ct);

    /// <summary>
    /// A POST that changes nothing: the API computes its answer from what it is sent (a conformance check, an export's
    /// verification), so a call that gets no answer changed nothing either, and the page says so.
    /// </summary>
    public Task<ApiResponse<T>> AskAsync<T>(string path, HttpContent content, CancellationToken ct) =>
        SendAsync<T>(new ApiCall(HttpMethod.Post, path, Writes: false), content, null, ct);

    private async Task<ApiResponse<T>> SendAsync<T>(ApiCall call, HttpContent? content, long? ifMatch, CancellationToken ct)
    {
        using var response = await RawAsync(call, content, ifMatch, ct);
        var version = Version(response);
        try
        {
            if (!response.IsSuccessStatusCode) return new ApiResponse<T>(default, version, await ApiProblem.ReadAsync(response, ct));
            var value = response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResponse<T>(value, version, null);
        }
        catch (Exception failure) when (failure is IOException or HttpRequestException or JsonException)
        {
            throw new ApiAnswerBroken(call, (int)response.StatusCode, failure);
        }
    }

    /// <summary>
    /// The response itself, unread (a download is passed on as it streams); the caller disposes it. A call that got no
    /// answer throws <see cref="ApiUnanswered"/>, saying whether it may have been carried out.
    /// </summary>
    public Task<HttpResponseMessage> RawAsync(HttpMethod method, string path, HttpContent? content, long? ifMatch, CancellationToken ct) =>
        RawAsync(new ApiCall(method, path, Writes(method)), content, ifMatch, ct);

    private async Task<HttpResponseMessage> RawAsync(ApiCall call, HttpContent? content, long? ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(call.Method, call.Path) { Content = content };
        request.Headers.Add(ApiKeyAuthentication.Header, key);
        request.Headers.Add(Actor.CorrelationHeader, correlation);
        if (ifMatch is { } version) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ETags.Format(version)));
        // From here the page's own outcome is the API's: a page request that times out while its write is in flight
        // is answered 504 with the outcome unknown, not "nothing was changed".
        if (call.Writes) WriteOutcome.MarkSent();
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException failure)
        {
            throw new ApiUnanswered(call, failure);
        }
    }

    /// <summary>Whether a call with this method may change something (anything but GET and HEAD, unless sent with <see cref="AskAsync"/>).</summary>
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
