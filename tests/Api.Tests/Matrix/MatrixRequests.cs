using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Matrix;

public sealed class MatrixRequests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("flag=nope", "flag")]
    [InlineData("status=maybe", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("asOf=garbage", "asOf")]
    [InlineData("asOf=-1", "asOf")]
    [InlineData("asOf=999999999", "asOf")]
    [InlineData("sort=nope", "sort")]
    [InlineData("sort=symbol,status", "sort")]
    [InlineData("symbolPrefix=FU%25", "symbolPrefix")]
    [InlineData("assumption=AOU-1", "assumption")]
    [InlineData("feature=Not%20A%20Slug", "feature")]
    [InlineData("format=xml", "format")]
    public async Task A_bad_parameter_is_400_naming_it_and_writes_nothing(string query, string parameter)
    {
        var small = await api.SmallMatrixAsync();
        var before = await api.EventCountAsync();

        var response = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/matrix?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task The_matrix_of_an_unknown_baseline_is_404_in_json_and_csv()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/no-such-baseline/matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/baselines/no-such-baseline/matrix?format=csv")).StatusCode);
    }

    [Fact]
    public async Task The_matrix_needs_an_api_key()
    {
        var small = await api.SmallMatrixAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/baselines/{small.Baseline}/matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync($"/api/baselines/{small.Baseline}/coverage")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_may_rebuild_the_matrix()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.PostAsync("/api/admin/projections/matrix/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsync("/api/admin/projections/matrix/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsync("/api/admin/projections/matrix/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task Swagger_lists_the_matrix_query_parameters_by_the_names_clients_send()
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var names = document.GetProperty("paths").GetProperty("/api/baselines/{id}/matrix").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Equal(["id", "flag", "status", "symbolPrefix", "search", "assumption", "feature", "sort", "page", "pageSize", "asOf", "format"], names);
    }
}
