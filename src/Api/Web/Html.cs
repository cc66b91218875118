using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Traceability.Api.Web;

/// <summary>
/// A piece of HTML that is safe to write as it is. The only way to make one is <see cref="Of"/> with an
/// interpolated string: its literal parts are markup written here, and every hole is HTML-encoded unless
/// it is itself an <see cref="Html"/>. So escaping cannot be forgotten: a value typed by a user, an API
/// answer or a catalog's help text always arrives in a hole and is written as text.
/// </summary>
public sealed class Html
{
    /// <summary>Every character outside markup is kept readable (é, →), only what HTML gives meaning to is encoded.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private Html(string value) => Value = value;

    public static Html Empty { get; } = new("");

    internal string Value { get; }

    public static Html Of(ref HtmlHandler html) => new(html.Build());

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Func<Html> html) => condition ? html() : Empty;

    public override string ToString() => Value;
}

/// <summary>Builds <see cref="Html"/>: literals as written, holes encoded (see there).</summary>
[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(string? value)
    {
        if (value is not null) _builder.Append(Html.Encoder.Encode(value));
    }

    /// <summary>Html and lists of Html as they are; numbers and times in the invariant culture; anything else as encoded text.</summary>
    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case null: return;
            case Html html: _builder.Append(html.Value); return;
            case IEnumerable<Html> parts: foreach (var part in parts) _builder.Append(part.Value); return;
            case IFormattable formattable: AppendFormatted(formattable.ToString(null, CultureInfo.InvariantCulture)); return;
            default: AppendFormatted(value.ToString()); return;
        }
    }

    internal readonly string Build() => _builder.ToString();
}
