using System.Reflection;
using MonitorDashboard.Components.Actions;
using MonitorDashboard.Monitoring;
using MonitorDashboard.Monitoring.Proposals;
using MonitorDashboard.Presets;

namespace MonitorDashboard.Tests.Components.Actions;

/// <summary>
/// Holds every component — today's and any added later — to the one authorization path: nothing under
/// MonitorDashboard.Components calls a method that changes presets.json, starts a run or drafts purchase orders except
/// <see cref="DashboardActions"/>, <see cref="RunActions"/> and <see cref="DraftOrderActions"/>, which ask <c>CurrentUser</c> first. Read from the compiled
/// code (the IL of every method, lambda and async state machine), so a new page cannot slip past it.
/// </summary>
public sealed class ChangesGoThroughActionsTests
{
    private static readonly HashSet<MethodBase> Guarded =
    [
        .. typeof(PresetsStore).GetMethods().Where(m => m.Name is nameof(PresetsStore.SaveAsync) or nameof(PresetsStore.AddListAsync)
            or nameof(PresetsStore.UpdateListAsync) or nameof(PresetsStore.DeleteListAsync) or nameof(PresetsStore.SetActiveAsync)
            or nameof(PresetsStore.SetLastHashAsync)),
        typeof(MonitoringEngine).GetMethod(nameof(MonitoringEngine.RunNowAsync))!,
        typeof(DraftOrders).GetMethod(nameof(DraftOrders.CreateAsync))!,
    ];

    [Fact]
    public void No_component_changes_presets_json_or_starts_a_run_except_through_the_guarded_actions()
    {
        var offenders = CallsToGuarded(t => !IsActions(t)).ToList();

        Assert.True(offenders.Count == 0, "Call DashboardActions/RunActions instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_the_calls_the_actions_make()
    {
        // Without this the test above could pass because the scan finds nothing at all.
        var found = CallsToGuarded(IsActions).ToList();

        Assert.Equal(8, found.Count);
    }

    private static bool IsActions(Type type) =>
        type == typeof(DashboardActions) || type == typeof(RunActions) || type == typeof(DraftOrderActions) || (type.DeclaringType is { } outer && IsActions(outer));

    private static IEnumerable<string> CallsToGuarded(Func<Type, bool> include)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = typeof(DashboardActions).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("MonitorDashboard.Components", StringComparison.Ordinal) == true && include(t));
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var called in Calls(method).Where(Guarded.Contains).Distinct())
                {
                    yield return $"{type.FullName}.{method.Name} calls {called.DeclaringType!.Name}.{called.Name}";
                }
            }
        }
    }

    /// <summary>Methods named by call, callvirt, newobj, ldftn and ldvirtftn in the method's IL.</summary>
    private static IEnumerable<MethodBase> Calls(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length - 4; i++)
        {
            var operand = il[i] is 0x28 or 0x6F or 0x73 ? i + 1
                : il[i] == 0xFE && i + 5 < il.Length && il[i + 1] is 0x06 or 0x07 ? i + 2
                : -1;
            if (operand < 0)
            {
                continue;
            }
            MethodBase? called = null;
            try
            {
                called = method.Module.ResolveMethod(BitConverter.ToInt32(il, operand), typeArguments, methodArguments);
            }
            catch (Exception ex) when (ex is ArgumentException or BadImageFormatException)
            {
                // Not a method token: the byte was part of another instruction's operand.
            }
            if (called is not null)
            {
                yield return called;
            }
        }
    }
}
