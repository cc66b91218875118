using System.Net;

namespace Traceability.Api.Tests.Commands;

/// <summary>
/// Wolverine 6.62 binds an unparseable query value to the parameter's default unless told otherwise; the service
/// tells it (RejectUnparseableQueryValues), so ?names=maybe is a 400 naming the parameter, as on minimal API endpoints,
/// and nothing is written.
/// </summary>
public sealed class QueryValues(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_unparseable_query_value_on_a_wolverine_write_is_400_naming_it_and_writes_nothing()
    {
        var id = await api.CreateBaselineAsync();

        var refused = await api.ImportConfigAsync(id, SampleConfigs.Arm64_6_1, query: "?names=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("names", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var baseline = await api.Engineer.GetAsync($"/api/baselines/{id}");
        Assert.Equal("\"1\"", baseline.Headers.ETag?.Tag);
    }
}
