namespace Traceability.Domain;

/// <summary>
/// Identifiers that end up in stream keys (platform/{id}) and URLs, so an auditor can read them:
/// lower-case ASCII letters and digits separated by '-', '.' or '_' (aarch64-qemu-virt, arm64-6.12).
/// </summary>
public static class Ids
{
    public const int MaxLength = 64;

    public static bool IsSlug(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength) return false;
        if (!IsLowerAlnum(id[0]) || !IsLowerAlnum(id[^1])) return false;
        foreach (var c in id)
        {
            if (!IsLowerAlnum(c) && c is not ('-' or '.' or '_')) return false;
        }
        return true;
    }

    /// <summary>Input errors (400), not rule breaks: the caller sent something that is not an id.</summary>
    public static string RequireSlug(string? id, string paramName) =>
        IsSlug(id) ? id! : throw new ArgumentException($"'{id}' is not a lower-case slug id.", paramName);

    private static bool IsLowerAlnum(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
