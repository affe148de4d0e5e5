using MonitorDashboard.Calculation;
using MonitorDashboard.Email;

namespace MonitorDashboard.Monitoring.History;

/// <summary>
/// What a run calculated and sent: its result, its email and the delivery. Held as objects while a check works with
/// them, or packed in the history's own form (<see cref="RunPayload"/>) once storing them is all that is left to do:
/// a check whose report went out waits up to a second for the next presets.json write, and at 07:00 a hundred or more
/// wait at once. Holding their results and emails (150–200 KB each) through that second moved them into the GC's
/// oldest generation and put 50 MB on the process's peak; packed, a run's details take 10–20 KB. Packed details are
/// unpacked once, when something reads them, and go to the database as they are.
/// </summary>
public sealed class RunDetails
{
    public static RunDetails None { get; } = new(null, null, null, null);

    private readonly byte[]? _packed;
    private Unpacked? _objects;

    private RunDetails(CalculationResult? result, EmailMessage? email, DeliveryResult? delivery, byte[]? packed)
    {
        _objects = packed is null ? new Unpacked(result, email) : null;
        _packed = packed;
        Delivery = delivery;
    }

    public static RunDetails Of(CalculationResult? result, EmailMessage? email, DeliveryResult? delivery) =>
        result is null && email is null && delivery is null ? None : new RunDetails(result, email, delivery, null);

    public CalculationResult? Result => Objects.Result;

    public EmailMessage? Email => Objects.Email;

    /// <summary>Kept as an object even when packed: it is small, and the history's <c>reported</c> column reads it.</summary>
    public DeliveryResult? Delivery { get; }

    internal bool IsPacked => _packed is not null && Volatile.Read(ref _objects) is null;

    /// <summary>These details in the history's form; the same instance when there is nothing to pack or it is packed already.</summary>
    public RunDetails Pack() => _packed is not null || ReferenceEquals(this, None)
        ? this
        : new RunDetails(null, null, Delivery, RunPayload.Pack(Result, Email, Delivery));

    /// <summary>The compressed payload the history stores (packed now unless it was before); null when there are no details.</summary>
    internal byte[]? Payload => _packed ?? RunPayload.Pack(Result, Email, Delivery);

    private Unpacked Objects =>
        Volatile.Read(ref _objects) ?? LazyInitializer.EnsureInitialized(ref _objects, () => RunPayload.UnpackObjects(_packed!));

    internal sealed record Unpacked(CalculationResult? Result, EmailMessage? Email);
}
