using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Web;

namespace Traceability.Web.Tests;

/// <summary>
/// Every form the pages serve, posted with this session's token but with unknown or garbled ids in the route
/// and empty or garbage fields: always a 4xx page (the API's problem, shown), never a 500, and nothing written.
/// The forms come from the running application, so a new one is covered at once.
/// </summary>
[Collection(WebSuite.Name)]
public sealed partial class BadFormsAreContained(WebFixture web)
{
    [Theory]
    [InlineData("unknown ids", "nope-1")]
    [InlineData("garbled ids", "x y<script>")]
    public async Task Every_form_answers_bad_input_with_a_4xx_page_and_writes_nothing(string @case, string id)
    {
        using var admin = await PageClient.SignedInAsync(web, "bootstrap-admin");
        var token = Token().Match(await admin.HtmlAsync("/")).Groups[1].Value;
        var forms = web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<WebPageEndpoint>() is not null && e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains("POST"))
            .Where(e => e.RoutePattern.RawText is not ("/sign-in" or "/sign-out")).ToList();
        Assert.True(forms.Count > 15, $"only {forms.Count} forms found");
        var failures = new List<string>();
        foreach (var form in forms)
        {
            var url = form.RoutePattern.Parameters.Aggregate(form.RoutePattern.RawText!, (u, p) => u.Replace($"{{{p.Name}}}", Uri.EscapeDataString(id), StringComparison.Ordinal));
            var before = await web.EventCountAsync();
            var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(form, token) });
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "text/html" || await web.EventCountAsync() != before)
                failures.Add($"{form.RoutePattern.RawText} with {@case}: {status} {response.Content.Headers.ContentType?.MediaType}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Upload forms get a file that is no .config and no zip; the others no fields but the token.</summary>
    private static HttpContent Body(RouteEndpoint form, string token)
    {
        if (!form.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).Contains("multipart/form-data"))
            return new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["version"] = "not-a-number" });
        var garbage = new ByteArrayContent(Encoding.UTF8.GetBytes("CONFIG_<b>=\u0000garbage\n")) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };
        return new MultipartFormDataContent { { new StringContent(token), "_af" }, { garbage, "config", "bad.config" }, { garbage, "export", "bad.zip" } };
    }

    [GeneratedRegex("name=\"_af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
