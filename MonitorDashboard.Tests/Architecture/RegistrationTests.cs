using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Hosting;

namespace MonitorDashboard.Tests.Architecture;

/// <summary>One habit for registering services: each folder's public <c>Add…</c> extends the host builder.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Every_public_registration_extends_the_host_builder()
    {
        // The host builder carries configuration and environment, so a folder binds its own options without the caller
        // passing them in. Internal IServiceCollection helpers may exist for containers without a host (bUnit's).
        var registrations = typeof(HostingExtensions).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.IsDefined(typeof(ExtensionAttribute)))
            .ToList();
        Assert.Contains(registrations, m => m.Name == "AddPresets");
        var offenders = registrations
            .Where(m => !typeof(IHostApplicationBuilder).IsAssignableFrom(m.GetParameters()[0].ParameterType))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}({m.GetParameters()[0].ParameterType.Name})")
            .ToList();

        Assert.True(offenders.Count == 0, $"Registrations that do not extend IHostApplicationBuilder:\n{string.Join("\n", offenders)}");
    }
}
