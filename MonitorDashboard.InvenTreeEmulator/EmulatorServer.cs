using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// An in-process, InvenTree-compatible HTTP server over an <see cref="InvenTreeFixture"/>: the endpoints, filters,
/// token auth, pagination and figure semantics of inventree.md §1–2, plus fault injection for tests.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication app;
    private readonly RequestLog log;
    private readonly CancellationTokenSource stopping;
    private int disposed;

    private EmulatorServer(WebApplication app, RequestLog log, CancellationTokenSource stopping, InvenTreeFixture data,
        EmulatorFaults faults, string token, Uri baseAddress)
    {
        this.app = app;
        this.log = log;
        this.stopping = stopping;
        Data = data;
        Faults = faults;
        Token = token;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:43125/</c>; the API is under <c>api/</c>.</summary>
    public Uri BaseAddress { get; }

    public string Token { get; }

    public InvenTreeFixture Data { get; }

    public EmulatorFaults Faults { get; }

    /// <summary>Every HTTP request received, failed and injected ones included.</summary>
    public int RequestCount => log.Count;

    /// <summary>A snapshot of the requests answered so far (status 0: no response was sent).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => log.Snapshot();

    public void ResetCounters() => log.Reset();

    /// <summary>Starts the emulator; it listens until disposed.</summary>
    public static async Task<EmulatorServer> StartAsync(InvenTreeFixture data, EmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new EmulatorOptions();

        // The empty builder reads no configuration, environment or appsettings and logs nothing, so the emulator
        // behaves the same inside the app, in tests and in benchmarks.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // Kestrel cannot bind "localhost" to a dynamic port, so localhost means the IPv4 loopback here.
            var address = options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                ? IPAddress.Loopback
                : IPAddress.Parse(options.Host);
            kestrel.Listen(address, options.Port, listen =>
            {
                if (options.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        var log = new RequestLog();
        var faults = new EmulatorFaults();
        var stopping = new CancellationTokenSource();
        var faultMiddleware = new FaultMiddleware(faults, log, stopping.Token);
        var auth = new AuthMiddleware(options.Token, faults);

        app.UseRouting();
        app.Use(log.InvokeAsync);
        app.Use(faultMiddleware.InvokeAsync);
        app.Use(NotFoundUnlessRoutedAsync);
        app.Use(auth.InvokeAsync);
        EmulatorRoutes.Map(app, data, options);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, log, stopping, data, faults, options.Token, new Uri(listening.TrimEnd('/') + "/"));
    }

    /// <summary>Stops listening; hung requests are released (their connections aborted) first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await app.StopAsync(timeout.Token);
        }
        await app.DisposeAsync();
        stopping.Dispose();
    }

    // Django resolves the URL before authenticating, so an unknown URL is a 404 with or without a token.
    private static Task NotFoundUnlessRoutedAsync(HttpContext context, RequestDelegate next) =>
        context.GetEndpoint() is null
            ? JsonResponse.DetailAsync(context, StatusCodes.Status404NotFound, "Not found.")
            : next(context);
}
