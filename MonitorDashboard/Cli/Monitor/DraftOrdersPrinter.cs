using System.Globalization;
using MonitorDashboard.Monitoring.Proposals;

namespace MonitorDashboard.Cli.Monitor;

/// <summary>The plan and the outcome of <c>monitor draft-orders</c> as plain text lines.</summary>
internal static class DraftOrdersPrinter
{
    public static async Task PlanAsync(TextWriter output, DraftPlan plan)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Order proposal of '{plan.Run.ListName}', run {plan.Run.RunId} of {plan.Run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC:"));
        foreach (var supplier in plan.Suppliers)
        {
            var head = supplier.Order is { } order
                ? $"{supplier.SupplierName}: order {order.OrderReference} exists with {Lines(supplier.Existing.Count)}"
                  + (supplier.ToCreate.Count > 0 ? $"; {Lines(supplier.ToCreate.Count)} to add" : "")
                : $"{supplier.SupplierName}: new Pending order with {Lines(supplier.ToCreate.Count)}";
            await output.WriteLineAsync(head);
            foreach (var line in supplier.ToCreate)
            {
                await output.WriteLineAsync($"  + {line.PartName}{Sku(line.Sku)}: {Number(line.Packs)} × supplier part {line.SupplierPartPk}"
                                            + (line.PackSize != 1 ? $" (packs of {Number(line.PackSize)} = {Number(line.Quantity)})" : ""));
            }
        }
        foreach (var part in plan.NoSupplier)
        {
            await output.WriteLineAsync($"Not drafted (no supplier part): {part.PartName}, {Number(part.ToOrder)} to order");
        }
        if (plan.NothingToCreate)
        {
            await output.WriteLineAsync(plan.ExistingOrders.Count == 0
                ? "Nothing to create: the proposal has no lines to order."
                : "Nothing to create: this run's orders exist already: " + string.Join(", ", plan.ExistingOrders.Select(o => $"{o.OrderReference} ({o.SupplierName})")) + ".");
        }
    }

    public static async Task OutcomeAsync(TextWriter output, DraftOutcome outcome)
    {
        foreach (var supplier in outcome.Suppliers)
        {
            if (supplier.Order is { } order)
            {
                var created = supplier.Lines.Count(l => l.Result == DraftLineResult.Created);
                await output.WriteLineAsync(supplier.OrderCreated
                    ? $"Created {order.OrderReference} for {supplier.SupplierName} with {Lines(created)}"
                    : $"{order.OrderReference} for {supplier.SupplierName}: {Lines(created)} added, {Lines(supplier.Lines.Count(l => l.Result == DraftLineResult.AlreadyThere))} already there");
            }
            else if (supplier.OrderProblem is { } problem)
            {
                await output.WriteLineAsync($"Not created: the order for {supplier.SupplierName}: {problem}");
            }
            foreach (var line in supplier.Lines.Where(l => l.Problem is not null))
            {
                await output.WriteLineAsync($"  refused: {line.Line.PartName} (supplier part {line.Line.SupplierPartPk}): {line.Problem}");
            }
        }
    }

    private static string Lines(int count) => DraftPlanText.Lines(count);

    private static string Sku(string? sku) => sku is { Length: > 0 } ? $" [{sku}]" : "";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
