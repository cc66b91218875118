using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Traceability.Api.Tests.KeyRules;

/// <summary>Keys as the key tests need them: issued for a named person, and what the database holds about them.</summary>
internal static class KeyScenarios
{
    public static async Task<HttpResponseMessage> IssueAsync(this ApiFixture api, string name, string role, string? owner) =>
        await api.Admin.PostAsJsonAsync("/api/keys", owner is null ? (object)new { name, role } : new { name, role, owner });

    /// <summary>A client holding a fresh key of <paramref name="owner"/>.</summary>
    public static async Task<HttpClient> KeyOfAsync(this ApiFixture api, string name, string role, string owner)
    {
        var response = await api.IssueAsync(name, role, owner);
        response.EnsureSuccessStatusCode();
        return api.Client((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!);
    }

    public static async Task<string> IssuedKeyAsync(this ApiFixture api, string name, string role, string owner)
    {
        var response = await api.IssueAsync(name, role, owner);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static async Task<string> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new() { Value = p });
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }
}
