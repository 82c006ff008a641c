using Inventory.Core.Specification;
using Npgsql;

namespace Inventory.Storage.PostgreSql.Tests;

/// <summary>
/// The store's pool prepares statements, plans them generically and skips the reset on close by default, and keeps
/// the caller's own <c>Max Auto Prepare</c>, <c>Options</c> and <c>No Reset On Close</c>, however spelt, and the
/// options of the PGOPTIONS environment variable, which Npgsql reads when the connection string has none.
/// </summary>
public sealed class PostgreSqlConnectionSettingsTests : IDisposable
{
    private readonly PostgreSqlServer _server = new();

    [Fact]
    public void DataSource_NoSettingsGiven_AddsTheStoreDefaults()
    {
        var settings = Settings("Host=127.0.0.1;Username=u");

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_generic_plan", settings.Options);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false;Options=-c work_mem=8MB")]
    [InlineData("maxautoprepare=0;noresetonclose=false;OPTIONS=-c work_mem=8MB")]
    [InlineData("MAX AUTO PREPARE = 0; No Reset On Close = False; options = '-c work_mem=8MB'")]
    public void DataSource_CallerSetsEachSetting_KeepsTheCallersValues(string given)
    {
        var settings = Settings("Host=127.0.0.1;Username=u;" + given);

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
        Assert.Equal("-c work_mem=8MB", settings.Options);
    }

    [Fact]
    public void DataSource_EmptyOptions_CountAsNotSetAsNpgsqlReadsThem()
    {
        var settings = Settings("Host=127.0.0.1;Username=u;Options=", "-c work_mem=8MB");

        Assert.Equal("-c plan_cache_mode=force_generic_plan -c work_mem=8MB", settings.Options);
    }

    [Fact]
    public void DataSource_CallerSetsOneSetting_AddsTheOtherDefaults()
    {
        var settings = Settings("Host=127.0.0.1;Username=u;Max Auto Prepare=5");

        Assert.Equal(5, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_generic_plan", settings.Options);
    }

    [StoreFact]
    public async Task DataSource_NoOptionsGiven_SessionsPlanGenerically()
    {
        await using var dataSource = PostgreSqlInventoryStore.DataSource(_server.NewSchema(), null);

        Assert.Equal("force_generic_plan", await ShowAsync(dataSource, "plan_cache_mode"));
    }

    [StoreFact]
    public async Task DataSource_CallersOptions_ReachTheSessionAndTheDefaultPlanModeIsNotForced()
    {
        var given = new NpgsqlConnectionStringBuilder(_server.NewSchema())
        {
            Options = "-c application_name=caller_options -c work_mem=8MB",
        };
        await using var dataSource = PostgreSqlInventoryStore.DataSource(given.ToString(), null);

        Assert.Equal("caller_options", await ShowAsync(dataSource, "application_name"));
        Assert.Equal("8MB", await ShowAsync(dataSource, "work_mem"));
        Assert.Equal("auto", await ShowAsync(dataSource, "plan_cache_mode"));
    }

    [StoreFact]
    public async Task OpenAsync_CallersOptions_ReachTheStoresSessions()
    {
        var app = "opts_" + Guid.NewGuid().ToString("N");
        var given = new NpgsqlConnectionStringBuilder(_server.NewSchema()) { Options = $"-c application_name={app}" };
        await using var store = await PostgreSqlInventoryStore.OpenAsync(given.ToString());
        await using var watcher = await PostgreSqlSessions.OpenAsync(PostgreSqlServer.AdminConnectionString);

        await store.ReadJournalAsync(0, 1);

        Assert.Equal(["idle"], await PostgreSqlSessions.StatesAsync(watcher, app));
    }

    [Fact]
    public void DataSource_OptionsFromTheEnvironmentOnly_KeepsThemAfterTheStoreDefault()
    {
        var settings = Settings("Host=127.0.0.1;Username=u", environmentOptions: "-c search_path=inventory");

        Assert.Equal("-c plan_cache_mode=force_generic_plan -c search_path=inventory", settings.Options);
    }

    [Fact]
    public void DataSource_OptionsInTheConnectionStringAndTheEnvironment_KeepsTheConnectionStrings()
    {
        var settings = Settings("Host=127.0.0.1;Username=u;Options=-c work_mem=8MB", "-c search_path=inventory");

        Assert.Equal("-c work_mem=8MB", settings.Options);
    }

    [StoreFact]
    public async Task DataSource_OptionsFromTheEnvironment_ReachTheSessionAndMayChooseThePlanMode()
    {
        await using var dataSource = PostgreSqlInventoryStore.DataSource(
            _server.NewSchema(), environmentOptions: "-c work_mem=7MB -c plan_cache_mode=force_custom_plan");

        Assert.Equal("7MB", await ShowAsync(dataSource, "work_mem"));
        Assert.Equal("force_custom_plan", await ShowAsync(dataSource, "plan_cache_mode"));
    }

    public void Dispose() => _server.Dispose();

    private static NpgsqlConnectionStringBuilder Settings(string connectionString, string? environmentOptions = null)
    {
        using var dataSource = PostgreSqlInventoryStore.DataSource(connectionString, environmentOptions);

        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SHOW {setting};", connection);

        return (string)(await command.ExecuteScalarAsync())!;
    }
}
