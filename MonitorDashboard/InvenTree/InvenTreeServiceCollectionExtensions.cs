using System.Security.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using MonitorDashboard.Resilience;
using Polly;

namespace MonitorDashboard.InvenTree;

public static class InvenTreeServiceCollectionExtensions
{
    /// <summary>
    /// The typed InvenTree client with retries (exponential backoff with jitter on 5xx, 408, 429,
    /// timeouts and connection failures, a body cut short included; never on 400/401/403/404 or a body over
    /// the size cap) and a timeout per attempt that covers the whole response.
    /// </summary>
    public static IHostApplicationBuilder AddInvenTreeClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInvenTreeClientServices(builder.Configuration);
        return builder;
    }

    /// <summary>The same for a container without a host (a bUnit test's).</summary>
    internal static IServiceCollection AddInvenTreeClientServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvenTreeOptions>()
            .Bind(configuration.GetSection(InvenTreeOptions.SectionName))
            .Configure(o => ApplyPythonToolVariables(o, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvenTreeOptions>, InvenTreeOptionsValidator>();

        services.AddSingleton<InvenTreeServerVersion>();
        services.AddTransient<RequestCountingHandler>();
        services.AddTransient<ResponseBufferingHandler>();
        services.AddSingleton<InvenTreeCertificateTrust>();
        services.AddSingleton<InvenTreeHttpLogger>();
        ConfigureTransport(services.AddHttpClient<IInvenTreeClient, InvenTreeClient>(client => client.Timeout = Timeout.InfiniteTimeSpan),
            retry: true);
        // Writes have their own client: the same transport with a timeout but no retry strategy at all, so no write is
        // ever sent twice by the pipeline (a POST that timed out may have been applied; see IInvenTreeOrderWriter).
        ConfigureTransport(services.AddHttpClient<IInvenTreeOrderWriter, InvenTreeOrderWriter>(client => client.Timeout = Timeout.InfiniteTimeSpan),
            retry: false);
        services.AddSingleton<InvenTreeWriteTarget>();
        services.AddTransient<PurchasingReader>();

        services.AddSingleton<PartLookup>();
        return services;
    }

    /// <summary>
    /// The handlers every InvenTree request passes through: certificate trust, the token-free logger, retries (reads
    /// only) and the per-attempt timeout that covers the whole answer, request counting and the size-capped body read.
    /// </summary>
    private static void ConfigureTransport(IHttpClientBuilder http, bool retry)
    {
        http.ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = sp.GetRequiredService<InvenTreeCertificateTrust>().Validate },
        });
        // The default loggers put raw header values (the API token) into their records' structured state.
        // Inside the resilience handler, so every attempt (retries included) is logged.
        http.RemoveAllLoggers().AddLogger<InvenTreeHttpLogger>(wrapHandlersPipeline: false);
        http.AddResilienceHandler(retry ? "inventree" : "inventree-writes", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<InvenTreeOptions>>().Value;
                if (retry && o.MaxRetries > 0)
                {
                    var strategy = new HttpRetryStrategyOptions
                    {
                        // A refused certificate is refused again: asking three more times only delays the error.
                        ShouldHandle = args => ValueTask.FromResult(
                            HttpClientResiliencePredicates.IsTransient(args.Outcome) && !IsRefusedCertificate(args.Outcome.Exception)),
                    };
                    RetryBackoff.Apply(strategy, o.MaxRetries, o.RetryBaseDelay);
                    pipeline.AddRetry(strategy);
                }
                pipeline.AddTimeout(o.RequestTimeout);
            });
        // Added after the resilience handler, so they sit inside it: every attempt is counted, and every body is read
        // whole within its attempt, under the attempt's timeout (retried when it stalls or drops, refused when too large).
        http.AddHttpMessageHandler<RequestCountingHandler>();
        http.AddHttpMessageHandler<ResponseBufferingHandler>();
    }

    private static bool IsRefusedCertificate(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError, InnerException: AuthenticationException };

    /// <summary>The Python tool's variable names, as users already have them in <c>.env</c>, win over the section.</summary>
    internal static void ApplyPythonToolVariables(InvenTreeOptions options, IConfiguration configuration)
    {
        if (configuration["INVENTREE_URL"] is { Length: > 0 } url)
        {
            options.Url = url;
        }
        if (configuration["INVENTREE_API_TOKEN"] is { Length: > 0 } token)
        {
            options.ApiToken = token;
        }
        if (configuration["INVENTREE_INSTANCE_URL"] is { Length: > 0 } instance)
        {
            options.InstanceUrl = instance;
        }
    }
}
