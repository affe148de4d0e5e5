using MonitorDashboard.InvenTree;

namespace MonitorDashboard.Tests.InvenTree;

public sealed class InvenTreeWebUiRuleTests
{
    [Theory]
    [InlineData(196)] // InvenTree 0.15
    [InlineData(300)]
    [InlineData(InvenTreeWebUiRule.PlatformOnlySinceApiVersion - 1)]
    public void An_InvenTree_before_1_0_gets_classic_links(int apiVersion) =>
        Assert.Equal(InvenTreeWebUi.Classic, InvenTreeWebUiRule.Resolve(InvenTreeWebUi.Auto, apiVersion));

    [Theory]
    [InlineData(InvenTreeWebUiRule.PlatformOnlySinceApiVersion)]
    [InlineData(511)] // InvenTree 1.4, the recorded server
    public void An_InvenTree_1_x_gets_platform_links(int apiVersion) =>
        Assert.Equal(InvenTreeWebUi.Platform, InvenTreeWebUiRule.Resolve(InvenTreeWebUi.Auto, apiVersion));

    [Fact]
    public void A_server_that_has_not_answered_yet_gets_platform_links() =>
        Assert.Equal(InvenTreeWebUi.Platform, InvenTreeWebUiRule.Resolve(InvenTreeWebUi.Auto, apiVersion: null));

    [Theory]
    [InlineData(InvenTreeWebUi.Classic, 511)]
    [InlineData(InvenTreeWebUi.Platform, 196)]
    [InlineData(InvenTreeWebUi.Classic, null)]
    public void The_configured_ui_wins_over_the_api_version(InvenTreeWebUi configured, int? apiVersion) =>
        Assert.Equal(configured, InvenTreeWebUiRule.Resolve(configured, apiVersion));

    [Theory]
    [InlineData("auto", InvenTreeWebUi.Auto)]
    [InlineData(" Platform ", InvenTreeWebUi.Platform)]
    [InlineData("CLASSIC", InvenTreeWebUi.Classic)]
    [InlineData("", InvenTreeWebUi.Auto)]
    public void The_setting_reads_in_any_case(string setting, InvenTreeWebUi expected) =>
        Assert.Equal(expected, new InvenTreeOptions { WebUi = setting }.GetWebUi());
}
