using System.Text.Encodings.Web;

namespace MonitorDashboard.Security;

/// <summary>
/// The sign-in form as plain server-rendered HTML: it must work before any circuit exists, with no script at all.
/// Every value is HTML-encoded.
/// </summary>
internal static class SignInPage
{
    private const string Css = """
        body { font-family: Roboto, "Segoe UI", Arial, sans-serif; background: #f5f5f5; margin: 0; display: flex; min-height: 100vh; align-items: center; justify-content: center; }
        main { background: #fff; padding: 2rem 2.5rem; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15); width: 22rem; }
        h1 { font-size: 1.4rem; font-weight: 500; margin: 0 0 1.25rem; color: #3f51b5; }
        label { display: block; font-size: .85rem; color: #555; margin: .9rem 0 .3rem; }
        input { width: 100%; box-sizing: border-box; padding: .55rem .6rem; border: 1px solid #bbb; border-radius: 4px; font-size: 1rem; }
        button { margin-top: 1.4rem; width: 100%; padding: .6rem; background: #3f51b5; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; cursor: pointer; }
        .error { background: #fdecea; color: #b71c1c; padding: .6rem .8rem; border-radius: 4px; margin: 0 0 .5rem; }
        .hint { font-size: .9rem; color: #444; }
        """;

    public sealed record Model(string AntiforgeryField, string AntiforgeryToken, string ReturnUrl, bool TokenMode, string? UserName = null, string? Error = null);

    public static string Render(Model model)
    {
        var e = HtmlEncoder.Default;
        var error = model.Error is null ? "" : $"""<p class="error" role="alert" data-testid="signin-error">{e.Encode(model.Error)}</p>""";
        var fields = model.TokenMode
            ? """
              <p class="hint">No accounts are configured. Open the sign-in URL printed on the console where MonitorDashboard
              started (<code>…/signin?token=…</code>), or paste its token here.</p>
              <label for="token">Token</label>
              <input id="token" name="token" type="password" autocomplete="off" required autofocus>
              """
            : $"""
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus value="{e.Encode(model.UserName ?? "")}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              """;
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · MonitorDashboard</title>
            <style>{Css}</style>
            </head>
            <body>
            <main>
            <h1>MonitorDashboard</h1>
            {error}
            <form method="post" action="/signin" data-testid="signin-form">
            <input type="hidden" name="{e.Encode(model.AntiforgeryField)}" value="{e.Encode(model.AntiforgeryToken)}">
            <input type="hidden" name="returnUrl" value="{e.Encode(model.ReturnUrl)}">
            {fields}
            <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """;
    }

    public static string RenderDenied(string? userName) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not allowed · MonitorDashboard</title></head>
        <body style="font-family: Roboto, Arial, sans-serif; margin: 3rem;">
        <h1 style="font-weight: 500;">Not allowed</h1>
        <p data-testid="denied">You are signed in as {HtmlEncoder.Default.Encode(userName ?? "")}, whose role cannot do this. <a href="/">Back to the dashboard</a></p>
        </body></html>
        """;
}
