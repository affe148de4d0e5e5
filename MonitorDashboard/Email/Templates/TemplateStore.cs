using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace MonitorDashboard.Email.Templates;

/// <summary>
/// The Liquid templates of the templates folder, parsed once and parsed again when their file changes (the
/// last-write time and size are checked on every use: cheap, and reliable where file watchers are not, such as
/// on network shares or in containers). Partials (<c>{% render '_name' %}</c>) come through Fluid's file
/// provider, whose cache also compares the file's last-write time.
/// </summary>
public sealed partial class TemplateStore : IDisposable
{
    private static readonly FluidParser Parser = new();

    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);
    private readonly IFileProvider _files;
    private readonly TemplateOptions _templateOptions;
    private readonly bool _strict;
    private readonly ILogger<TemplateStore> _logger;

    public TemplateStore(IOptions<EmailTemplateOptions> options, IHostEnvironment environment, ILogger<TemplateStore> logger)
    {
        var o = options.Value;
        Folder = ResolveFolder(environment.ContentRootPath, o.Folder);
        _strict = o.StrictVariables;
        _logger = logger;
        // PhysicalFileProvider refuses a missing root; a missing folder is reported when a template is first needed.
        _files = Directory.Exists(Folder) ? new PhysicalFileProvider(Folder) : new NullFileProvider();
        _templateOptions = new TemplateOptions
        {
            FileProvider = _files,
            StrictVariables = o.StrictVariables,
            StrictFilters = o.StrictVariables,
            CultureInfo = CultureInfo.GetCultureInfo(o.Culture),
        };
        // Templates read the view models in snake_case, as Liquid users expect ({{ part.to_order }}).
        _templateOptions.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in ViewModelTypes.All)
        {
            _templateOptions.MemberAccessStrategy.Register(type);
        }
        _templateOptions.Filters.AddFilter(TextTableFilter.Name, TextTableFilter.ApplyAsync);
    }

    /// <summary>The absolute templates folder.</summary>
    public string Folder { get; }

    /// <summary>
    /// The content root's folder (where users edit templates); when it has none — the CLI started from another
    /// folder, or a published build — the default templates shipped beside the executable.
    /// </summary>
    internal static string ResolveFolder(string contentRoot, string folder)
    {
        var configured = Path.GetFullPath(Path.Combine(contentRoot, folder));
        var shipped = Path.Combine(AppContext.BaseDirectory, "EmailTemplates");
        return Directory.Exists(configured) || Path.IsPathRooted(folder) || !Directory.Exists(shipped) ? configured : shipped;
    }

    /// <summary>
    /// Renders <c>&lt;name&gt;.liquid</c> with <paramref name="model"/> as the variable <paramref name="variable"/>.
    /// Every value is written through <paramref name="encoder"/>: <see cref="HtmlEncoder.Default"/> for HTML,
    /// <see cref="NullEncoder.Default"/> for plain text.
    /// </summary>
    /// <exception cref="EmailTemplateException">The template is missing, does not parse, or uses an unknown variable (strict mode).</exception>
    public string Render(string name, string variable, object model, TextEncoder encoder, TimeZoneInfo zone)
    {
        var file = FileName(name);
        var template = Get(file);
        var context = new TemplateContext(_templateOptions) { TimeZone = zone };
        context.SetValue(variable, FluidValue.Create(model, _templateOptions));
        if (!_strict)
        {
            context.Undefined = path =>
            {
                LogUndefinedVariable(file, path);
                return ValueTask.FromResult<FluidValue>(NilValue.Instance);
            };
        }
        try
        {
            return template.Render(context, encoder);
        }
        catch (ParseException ex)
        {
            // A partial that does not parse: Fluid's message names the partial's file and the position.
            throw new EmailTemplateException(file, ex.Message, ex);
        }
        catch (FluidException ex)
        {
            throw new EmailTemplateException(file, ex.Message, ex);
        }
        catch (FileNotFoundException ex)
        {
            // {% render %} of a partial that is not there; Fluid's message is only the partial's name.
            throw new EmailTemplateException(file, $"partial '{ex.Message}' not found in {Folder}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What a filter throws is not wrapped by Fluid (divided_by: 0): still the template's fault, not a bug of the app.
            throw new EmailTemplateException(file, ex.Message, ex);
        }
    }

    public static string FileName(string name) => name.EndsWith(".liquid", StringComparison.Ordinal) ? name : name + ".liquid";

    internal IFluidTemplate Get(string file)
    {
        var info = new FileInfo(Path.Combine(Folder, file));
        if (!info.Exists)
        {
            throw new EmailTemplateException(file, $"template not found in {Folder}");
        }
        var stamp = (info.LastWriteTimeUtc, info.Length);
        if (_cache.TryGetValue(file, out var cached) && cached.Stamp == stamp)
        {
            return cached.Template;
        }
        var source = File.ReadAllText(info.FullName);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new EmailTemplateException(file, error);
        }
        _cache[file] = new Cached(stamp, template);
        LogLoaded(file);
        return template;
    }

    public void Dispose() => (_files as IDisposable)?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email template {Template} uses an undefined variable {Variable}")]
    private partial void LogUndefinedVariable(string template, string variable);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Email template {Template} loaded")]
    private partial void LogLoaded(string template);

    private sealed record Cached((DateTime LastWrite, long Length) Stamp, IFluidTemplate Template);
}
