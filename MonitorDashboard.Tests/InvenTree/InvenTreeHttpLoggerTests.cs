using Microsoft.Extensions.Logging;
using MonitorDashboard.InvenTreeEmulator;
using MonitorDashboard.Tests.TestSupport;

namespace MonitorDashboard.Tests.InvenTree;

public sealed class InvenTreeHttpLoggerTests
{
    private const string Token = "inv-token-http-logger-5c1e";

    [Fact]
    public async Task Requests_are_logged_with_method_uri_and_status_and_the_token_is_in_no_part_of_any_record()
    {
        await using var harness = await InvenTreeHarness.StartAsync(emulatorOptions: new EmulatorOptions { Token = Token });

        await harness.Client.GetPartAsync(101, TestContext.Current.CancellationToken);

        var records = harness.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Debug
                                      && r.Message.StartsWith($"InvenTree GET {harness.Emulator.BaseAddress}api/part/101/: 200 after ", StringComparison.Ordinal));
        // HttpClientFactory's default loggers redact header values in the message but keep them raw in the state.
        Assert.All(records, r => Assert.DoesNotContain(r.StructuredState ?? [], kv => kv.Value?.Contains(Token, StringComparison.Ordinal) == true));
        Assert.DoesNotContain(Token, harness.AllLogText(), StringComparison.Ordinal);
    }
}
