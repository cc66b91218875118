using System.Net;
using System.Text.RegularExpressions;

namespace Traceability.Web.Tests;

/// <summary>
/// The pages over plain HTTP with a cookie jar, signed in through the sign-in form like a browser: for
/// checks that need many requests and no rendering (authorization, headers, what a role is offered).
/// Redirects are not followed, so a test sees the 302 to the sign-in page.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _http;

    private PageClient(Uri address)
    {
        Jar = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Jar, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public CookieContainer Jar { get; }

    public static PageClient Anonymous(WebFixture web) => new(web.Address);

    public static Task<PageClient> SignedInAsync(WebFixture web, string keyName) => SignedInWithKeyAsync(web.Address, web.Keys[keyName]);

    public static Task<PageClient> SignedInWithKeyAsync(WebFixture web, string key) => SignedInWithKeyAsync(web.Address, key);

    /// <summary>Signed in to the instance at <paramref name="address"/> (another instance of the service than the fixture's).</summary>
    public static async Task<PageClient> SignedInWithKeyAsync(Uri address, string key)
    {
        var client = new PageClient(address);
        var signedIn = await client.PostFormAsync("/sign-in", "/sign-in", new() { ["key"] = key });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<string> HtmlAsync(string path) => _http.GetStringAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Posts a form with the antiforgery token taken from <paramref name="formPage"/>, as the browser would send it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formPage, Dictionary<string, string> fields) =>
        await PostFormWithTokenAsync(path, await TokenAsync(formPage), fields);

    /// <summary>The antiforgery token of the form on <paramref name="formPage"/>.</summary>
    public async Task<string> TokenAsync(string formPage)
    {
        var token = Token().Match(await _http.GetStringAsync(formPage)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{formPage} has no antiforgery token");
        return token;
    }

    public Task<HttpResponseMessage> PostFormWithTokenAsync(string path, string token, Dictionary<string, string> fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["_af"] = token }));

    /// <summary>An upload form: the fields, the token from <paramref name="formPage"/>, and one file under <paramref name="fileField"/>.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string path, string formPage, Dictionary<string, string> fields, string fileField, byte[] file)
    {
        var token = Token().Match(await _http.GetStringAsync(formPage)).Groups[1].Value;
        var content = new MultipartFormDataContent { { new StringContent(token), "_af" }, { new ByteArrayContent(file), fileField, fileField + ".bin" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return await _http.PostAsync(path, content);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"_af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
