using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests;

/// <summary>A small baseline with one row per flag, arranged over HTTP; the symbols the matrix tests read.</summary>
public sealed record SmallMatrix(string Baseline, string Assumption, string Feature)
{
    public const string Rationale = "Needed by the watchdog, \"hard\" requirement,\nsee the safety case.";
}

/// <summary>Matrix scenarios: state arranged through the real endpoints, the matrix read over HTTP.</summary>
public static class MatrixScenarios
{
    private static readonly ConditionalWeakTable<ApiFixture, Task<SmallMatrix>> Small = [];

    public static byte[] Config(params (string Symbol, string Value)[] values) => ConfigOf("6.1.192", values);

    /// <summary>A small arm64 .config whose header names the kernel version (imports refuse another series).</summary>
    public static byte[] ConfigOf(string kernelVersion, params (string Symbol, string Value)[] values) => Encoding.UTF8.GetBytes(
        $"# Linux/arm64 {kernelVersion} Kernel Configuration\n" + string.Concat(values.Select(v =>
            v.Value == "n" ? $"# CONFIG_{v.Symbol} is not set\n" : $"CONFIG_{v.Symbol}={v.Value}\n")));

    /// <summary>
    /// Arranged once per fixture and only read afterwards: FUTEX approved (with evidence and a feature), ARM64_PAN
    /// approved as n but built in (deviation), USB_STORAGE with no decision (undocumented), HZ_100 not set,
    /// DEBUG_FS proposed, KPROBES rejected, SECCOMP approved then made suspect by an AoU revision, OLD_SYMBOL
    /// decided but not in the .config, STAGING proposed then withdrawn (undocumented again).
    /// </summary>
    public static Task<SmallMatrix> SmallMatrixAsync(this ApiFixture api) => Small.GetValue(api, a => a.ArrangeSmallMatrixAsync());

    private static async Task<SmallMatrix> ArrangeSmallMatrixAsync(this ApiFixture api)
    {
        var baseline = await api.CreateBaselineAsync();
        (await api.ImportConfigAsync(baseline, Config(("FUTEX", "y"), ("ARM64_PAN", "y"), ("USB_STORAGE", "m"), ("HZ_100", "n"),
            ("DEBUG_FS", "y"), ("KPROBES", "y"), ("SECCOMP", "y"), ("STAGING", "y"), ("LOG_BUF_SHIFT", "17")))).EnsureSuccessStatusCode();
        var feature = BaselineScenarios.NewId("feat");
        await api.CreateFeatureAsync(feature, ["CONFIG_ARM64_PAN"]);
        var aou = await api.DraftAssumptionAsync();
        // SECCOMP is approved on it: a decision cannot be approved while an AoU it links is a draft (issue 12 item 6).
        await Ok(api.Assessor.PostAsJsonAsync($"/api/assumptions/{aou}/accept", new { reason = "Agreed." }));
        await api.DecideAsync(baseline, "FUTEX", "y", features: [feature], rationale: SmallMatrix.Rationale);
        await api.ApproveAsync(baseline, "FUTEX");
        await Ok(api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions/FUTEX/evidence",
            new { kind = "test", reference = "LTP futex_wait01", outcome = "pass", summary = "passes" }));
        await api.DecideAsync(baseline, "ARM64_PAN", "n", features: [feature]);
        await api.ApproveAsync(baseline, "ARM64_PAN");
        await api.DecideAsync(baseline, "DEBUG_FS", "y");
        await api.DecideAsync(baseline, "KPROBES", "n");
        await Ok(api.Assessor.PostAsJsonAsync($"/api/baselines/{baseline}/decisions/KPROBES/reject", new { reason = "no" }));
        await api.DecideAsync(baseline, "SECCOMP", "y", assumptions: [aou]);
        await api.ApproveAsync(baseline, "SECCOMP");
        await api.DecideAsync(baseline, "OLD_SYMBOL", "y");
        await api.DecideAsync(baseline, "STAGING", "y");
        await Ok(api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions/STAGING/withdraw", new { reason = "not needed" }));
        await api.ReviseAssumptionAsync(aou);
        return new SmallMatrix(baseline, aou, feature);
    }

    public static Task DecideAsync(this ApiFixture api, string baseline, string symbol, string value,
        string[]? assumptions = null, string[]? features = null, string rationale = "Needed by the platform.") =>
        Ok(api.Engineer.PostAsJsonAsync($"/api/baselines/{baseline}/decisions",
            new { symbol, value, rationale, assumptions = assumptions ?? [], features = features ?? [], requirements = Array.Empty<string>() }));

    public static Task ApproveAsync(this ApiFixture api, string baseline, string symbol) =>
        Ok(api.Assessor.PostAsJsonAsync($"/api/baselines/{baseline}/decisions/{symbol}/approve", new { meaning = "reviewed" }));

    public static Task ReviseDecisionAsync(this ApiFixture api, string baseline, string symbol, string value, string rationale) =>
        Ok(api.Engineer.PutAsJsonAsync($"/api/baselines/{baseline}/decisions/{symbol}",
            new { value, rationale, assumptions = Array.Empty<string>(), features = Array.Empty<string>(), requirements = Array.Empty<string>(), reason = "revised" }));

    /// <summary>Revising an AoU marks every decision linking it suspect.</summary>
    public static Task ReviseAssumptionAsync(this ApiFixture api, string aou, string text = "The kernel runs at EL1 only.") =>
        Ok(api.Engineer.PutAsJsonAsync($"/api/assumptions/{aou}", new { category = "environment", text, reason = "narrowed" }));

    public static async Task<JsonElement> MatrixAsync(this HttpClient client, string baseline, string query = "")
    {
        var response = await client.GetAsync($"/api/baselines/{baseline}/matrix{query}");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<string> MatrixTextAsync(this HttpClient client, string baseline, string query = "")
    {
        var response = await client.GetAsync($"/api/baselines/{baseline}/matrix{query}");
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    public static List<string> Symbols(this JsonElement page) =>
        page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()!).ToList();

    public static Dictionary<string, JsonElement> BySymbol(this JsonElement page) =>
        page.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!);

    public static List<string> Flags(this JsonElement row) =>
        row.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToList();

    private static async Task Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>An RFC 4180 reader written for the tests, independent of the writer under test.</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
