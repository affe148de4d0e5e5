namespace MonitorDashboard.InvenTreeEmulator;

/// <summary>
/// DRF TokenAuthentication: <c>Authorization: Token &lt;key&gt;</c> on every endpoint except the server info.
/// Runs after URL resolution, as in Django: an unknown URL is a 404 even without a token.
/// </summary>
internal sealed class AuthMiddleware(string token, EmulatorFaults faults)
{
    public const string NotProvided = "Authentication credentials were not provided.";
    public const string InvalidToken = "Invalid token.";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsServerInfo(context.Request))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || !parts[0].Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            await WriteUnauthorizedAsync(context, NotProvided);
            return;
        }
        if (faults.Unauthorized && FaultMiddleware.IsFaulted(context) || parts.Length < 2 || !FixedTimeEquals(parts[1], token))
        {
            await WriteUnauthorizedAsync(context, InvalidToken);
            return;
        }
        await next(context);
    }

    public static Task WriteUnauthorizedAsync(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Token";
        return JsonResponse.DetailAsync(context, StatusCodes.Status401Unauthorized, detail);
    }

    private static bool IsServerInfo(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value is "/api/" or "/api";

    private static bool FixedTimeEquals(string presented, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));
}
