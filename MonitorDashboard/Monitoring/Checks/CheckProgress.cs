using MonitorDashboard.Calculation;
using MonitorDashboard.Email;
using MonitorDashboard.Monitoring.History;

namespace MonitorDashboard.Monitoring.Checks;

/// <summary>
/// What one check is doing and what it has learnt so far. The check fills it in as it goes; whoever ends the run —
/// normally, by a deadline, a shutdown or a bug — reads it, so every run is recorded with what was known and a
/// reason that says where it stopped ("timed out after 5 min while fetching the BOM of Widget Assembly").
/// Written by the check's own flow, read by others: plain volatile fields, no locking.
/// </summary>
public sealed class CheckProgress
{
    private volatile string _stage = "starting";
    private volatile Func<string?>? _detail;
    private volatile CalculationResult? _result;
    private volatile RunCounts? _counts;
    private volatile string? _hash;
    private volatile EmailMessage? _email;
    private volatile DeliveryResult? _delivery;
    private volatile RunDetails? _packed;
    private volatile string? _cutOffWhile;

    /// <summary>Enters a stage; <paramref name="detail"/> may say more while it lasts (which InvenTree request is in flight).</summary>
    public void Enter(string stage, Func<string?>? detail = null)
    {
        _detail = detail;
        _stage = stage;
    }

    /// <summary>
    /// "fetching the BOM of Widget Assembly": the detail when there is one, otherwise the stage; once the check was cut
    /// off, what it was doing at that moment.
    /// </summary>
    public string Describe() => _cutOffWhile ?? (_detail?.Invoke() is { Length: > 0 } detail ? detail : _stage);

    /// <summary>
    /// Keeps what the check is doing now as its description, before a deadline or a shutdown cancels it: the
    /// cancellation unwinds the fetch steps, after which only "fetching from InvenTree" would be left to say.
    /// </summary>
    public void CutOff() => _cutOffWhile ??= Describe();

    public string Stage => _stage;

    /// <summary>What the calculation found, in numbers; null until it finished.</summary>
    public RunCounts? Counts => _counts;

    /// <summary>The significant result's hash, once calculated.</summary>
    public string? Hash => _hash;

    public bool Changed { get; private set; }

    /// <summary>The result, email and delivery known so far, for the run's record; packed after <see cref="PackDetails"/>.</summary>
    public RunDetails Details
    {
        get
        {
            if (_packed is { } packed)
            {
                return packed;
            }
            var objects = RunDetails.Of(_result, _email, _delivery);
            // Packed meanwhile: PackDetails sets _packed before it lets go of the objects, so it is seen here.
            return _packed ?? objects;
        }
    }

    /// <summary>Set once the report was handed to the sender and it answered.</summary>
    public DeliveryResult? Delivery => _delivery;

    public void Calculated(CalculationResult result, string hash, bool changed)
    {
        _result = result;
        _hash = hash;
        Changed = changed;
        _counts = RunCounts.Of(result);
    }

    public void Rendered(EmailMessage email) => _email = email;

    public void Delivered(DeliveryResult delivery) => _delivery = delivery;

    /// <summary>
    /// Packs the result and email into the history's form and lets go of them (see <see cref="RunDetails"/>): for a check
    /// that has nothing left to do with them but wait before they are stored. Whoever reads <see cref="Details"/>
    /// meanwhile sees the packed details once they exist, the objects until then.
    /// </summary>
    public void PackDetails()
    {
        _packed = Details.Pack();
        _result = null;
        _email = null;
    }
}
