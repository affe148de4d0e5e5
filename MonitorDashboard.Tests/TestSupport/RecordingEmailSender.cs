using System.Collections.Concurrent;
using MonitorDashboard.Email;

namespace MonitorDashboard.Tests.TestSupport;

/// <summary>
/// The mail server seen from the app, for tests of what is sent and when: records every message it accepts, and can
/// hold each send until <see cref="Release"/>, hang until the caller gives up, or refuse delivery.
/// </summary>
internal sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();
    private readonly SemaphoreSlim _reached = new(0);
    private volatile TaskCompletionSource? _gate;

    /// <summary>Every send waits until it is cancelled, like a server that stalls.</summary>
    public bool Hang { get; set; }

    /// <summary>Sends answer "not delivered" instead of accepting the message.</summary>
    public bool Refuse { get; set; }

    /// <summary>Messages accepted, in order.</summary>
    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public IReadOnlyList<string> Subjects => [.. _sent.Select(m => m.Subject)];

    /// <summary>From now on every send waits for <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every held send (and later ones) go on.</summary>
    public void Release() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    /// <summary>Completes once a send has started (one call consumes one start).</summary>
    public Task ReachedAsync() => _reached.WaitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

    public async Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var gate = _gate;
        _reached.Release();
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (gate is not null)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
        if (Refuse)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, [.. message.To.Select(a => new RecipientOutcome(a, false, "550 refused"))],
                Error: "550 refused");
        }
        _sent.Enqueue(message);
        return new DeliveryResult(DeliveryOutcome.Sent, [.. message.To.Select(a => new RecipientOutcome(a, true))], "<test@recording>");
    }
}
