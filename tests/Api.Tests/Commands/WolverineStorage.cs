using Microsoft.Extensions.DependencyInjection;
using Weasel.Core.Migrations;
using Wolverine.Runtime;

namespace Traceability.Api.Tests.Commands;

/// <summary>
/// Wolverine never creates its tables at run time (AutoBuildMessageStorageOnStartup = None): migration 0013 holds
/// its exported DDL. If Wolverine's version or configuration changes what it expects, this fails first.
/// </summary>
public sealed class WolverineStorage(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_migrated_database_holds_what_wolverine_expects()
    {
        var storage = api.Services.GetRequiredService<IWolverineRuntime>().Storage;
        var database = Assert.IsAssignableFrom<IDatabase>(storage);
        await database.AssertDatabaseMatchesConfigurationAsync();
    }
}
