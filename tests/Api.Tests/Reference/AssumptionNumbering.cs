using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.Reference;

/// <summary>A class of its own: the numbering is only predictable on a database with no other AoUs.</summary>
public sealed class AssumptionNumbering(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Ten_concurrent_drafts_get_AOU_0001_to_AOU_0010_without_gap_or_duplicate()
    {
        var responses = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            api.Engineer.PostAsJsonAsync("/api/assumptions", new { category = "concurrency", text = $"Assumption {i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<string>();
        foreach (var r in responses) ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"AOU-{n:D4}"), ids.Order(StringComparer.Ordinal));

        var listed = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/assumptions");
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
    }
}
