using System.Net;
using System.Net.Http.Headers;

namespace Traceability.Api.Tests.Matrix;

public sealed class MatrixCsvExport(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Header =
    [
        "symbol", "configValue", "decidedValue", "status", "revision", "rationale", "assumptions", "features", "requirements",
        "evidenceCount", "flags", "lastActor", "lastTime", "lastPosition", "type", "prompt",
    ];

    [Fact]
    public async Task Format_csv_streams_a_header_and_one_row_per_symbol_as_an_attachment()
    {
        var small = await api.SmallMatrixAsync();
        var response = await api.Viewer.GetAsync($"/api/baselines/{small.Baseline}/matrix?format=csv");
        var records = Rfc4180.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{small.Baseline}-matrix.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Header, records[0]);
        Assert.All(records, r => Assert.Equal(Header.Length, r.Count));
        Assert.Equal((await api.Viewer.MatrixAsync(small.Baseline)).GetProperty("total").GetInt32(), records.Count - 1);
        Assert.Equal((await api.Viewer.MatrixAsync(small.Baseline)).Symbols(), records.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task A_rationale_with_a_comma_a_quote_and_a_newline_round_trips()
    {
        var small = await api.SmallMatrixAsync();
        var records = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(small.Baseline, "?format=csv&symbolPrefix=FUTEX"));

        var futex = Assert.Single(records.Skip(1));
        Assert.Equal("CONFIG_FUTEX", futex[0]);
        Assert.Equal(SmallMatrix.Rationale, futex[Array.IndexOf(Header, "rationale")]);
        Assert.Equal(small.Feature, futex[Array.IndexOf(Header, "features")]);
        Assert.Equal("1", futex[Array.IndexOf(Header, "evidenceCount")]);
    }

    [Fact]
    public async Task Accept_text_csv_asks_for_the_same_csv_with_filters_joined_lists_and_no_paging()
    {
        var small = await api.SmallMatrixAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/baselines/{small.Baseline}/matrix?flag=unapproved&flag=symbol-missing&sort=-symbol&pageSize=1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var records = Rfc4180.Parse(await (await api.Viewer.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Equal(["CONFIG_OLD_SYMBOL", "CONFIG_KPROBES", "CONFIG_DEBUG_FS"], records.Skip(1).Select(r => r[0]));
        Assert.Equal("unapproved;symbol-missing", records[1][Array.IndexOf(Header, "flags")]);
        Assert.Equal("", records[1][Array.IndexOf(Header, "configValue")]);
    }
}
