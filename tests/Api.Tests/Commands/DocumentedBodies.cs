using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Commands;

/// <summary>
/// Import and derive read their bodies themselves (text, a form, or JSON), so Wolverine's API description has no body
/// for them; Swagger UI must still offer one, with the content types each reads.
/// </summary>
public sealed class DocumentedBodies(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/baselines/{id}/config", "put", "text/plain,multipart/form-data")]
    [InlineData("/api/baselines/{id}/derive", "post", "application/json,multipart/form-data")]
    [InlineData("/api/assumptions/{id}", "put", "application/json")]
    public async Task Every_write_that_reads_a_body_documents_it(string path, string method, string contentTypes)
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var body = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody");

        Assert.Equal(contentTypes.Split(','), body.GetProperty("content").EnumerateObject().Select(p => p.Name));
    }
}
