using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Tests.Monitoring.History;

public sealed class HistoryServiceCollectionExtensionsTests : IAsyncDisposable
{
    private readonly HistoryTestDatabase _db = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _db.Folder });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddOptions<MonitoringOptions>().Bind(builder.Configuration.GetSection(MonitoringOptions.SectionName));
        builder.AddRunHistory();
        return builder.Build();
    }

    [Fact]
    public async Task The_default_path_is_data_monitor_db_under_the_content_root()
    {
        Directory.CreateDirectory(_db.Folder);
        using var host = Build();

        var store = Assert.IsType<SqliteRunHistory>(host.Services.GetRequiredService<IRunStore>());
        await store.AddAsync(RunSamples.At("a", 0), Ct);

        Assert.Equal(_db.Path, store.DatabasePath);
        Assert.True(File.Exists(_db.Path));
        Assert.Same(store, host.Services.GetRequiredService<SqliteRunHistory>());
    }

    [Fact]
    public void Runs_and_list_states_are_one_store_over_one_database()
    {
        Directory.CreateDirectory(_db.Folder);
        using var host = Build();

        var store = host.Services.GetRequiredService<SqliteRunHistory>();

        Assert.Same(store, host.Services.GetRequiredService<IRunStore>());
        Assert.Same(store, host.Services.GetRequiredService<IListStateStore>());
    }

    [Fact]
    public async Task The_configured_path_and_retention_are_used()
    {
        Directory.CreateDirectory(_db.Folder);
        using var host = Build(("History:DatabasePath", "elsewhere/h.db"), ("Monitoring:HistoryRetention", "2"));
        var store = host.Services.GetRequiredService<IRunStore>();

        foreach (var minute in Enumerable.Range(0, 4))
        {
            await store.AddAsync(RunSamples.At("a", minute), Ct);
        }

        Assert.Equal(Path.Combine(_db.Folder, "elsewhere", "h.db"), host.Services.GetRequiredService<IOptions<HistoryOptions>>().Value.DatabasePath);
        Assert.True(File.Exists(Path.Combine(_db.Folder, "elsewhere", "h.db")));
        Assert.Equal(2, await store.CountAsync("a", Ct));
    }

    [Fact]
    public void An_empty_path_is_named_at_start()
    {
        Directory.CreateDirectory(_db.Folder);
        using var host = Build(("History:DatabasePath", " "));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<HistoryOptions>>().Value);

        Assert.Contains("History:DatabasePath must not be empty", error.Message, StringComparison.Ordinal);
    }
}
