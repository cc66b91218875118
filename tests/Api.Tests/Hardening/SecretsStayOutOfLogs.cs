using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Traceability.Api.Tests.Hardening;

public sealed class LoggedService : TunedApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();
}

/// <summary>Every log line of a start with a bootstrap key and of calls with good, bad and revoked keys, searched for secrets.</summary>
public sealed class SecretsStayOutOfLogs(LoggedService api) : IClassFixture<LoggedService>
{
    private const string UnknownKey = "trc_an_unknown_key_that_must_never_be_logged";

    [Fact]
    public async Task No_api_key_or_database_password_appears_in_any_log_line()
    {
        var issued = new List<string>();
        foreach (var (name, role) in new[] { ("log-engineer", "engineer"), ("log-viewer", "viewer") })
        {
            var response = await api.Admin.PostAsJsonAsync("/api/keys", new { name, role, owner = name });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            issued.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
        }
        var engineer = api.Client(issued[0]);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync("/api/platforms")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Client(issued[1]).PostAsJsonAsync("/api/keys", new { name = "x", role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(UnknownKey).GetAsync("/api/platforms")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await engineer.PostAsync("/api/assumptions",
            new StringContent("{\"category\": [", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync("/api/keys/log-viewer?reason=rotated")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Client(issued[1]).GetAsync("/api/platforms")).StatusCode);

        var lines = api.Logs.Lines;
        Assert.Contains(lines, l => l.StartsWith(nameof(LogLevel.Debug), StringComparison.Ordinal) || l.StartsWith(nameof(LogLevel.Trace), StringComparison.Ordinal));
        var password = new NpgsqlConnectionStringBuilder(api.ConnectionString).Password!;
        var secrets = new[] { TunedApiFixture.AdminKey, UnknownKey, password }.Concat(issued).ToList();
        var leaks = lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "secrets in the log:\n" + string.Join("\n", leaks));
    }
}
