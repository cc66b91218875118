using Microsoft.AspNetCore.Antiforgery;

namespace Traceability.Api.Web;

/// <summary>The antiforgery token every form carries, and reading a posted form only once that token checks out.</summary>
public static class Forms
{
    public const string TokenField = "_af";
    public const string CookieName = "trc-af";

    public static void Configure(AntiforgeryOptions options)
    {
        options.FormFieldName = TokenField;
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    public static Html Token(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Html.Of($"""<input type="hidden" name="{TokenField}" value="{tokens.RequestToken}">""");
    }

    /// <summary>The posted form; a missing or forged token is a <see cref="FormRejected"/> (a 400 page), and nothing is sent on.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            throw new FormRejected();
        }
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    /// <summary>A field's text as typed, or null when it is missing or blank.</summary>
    public static string? Text(this IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    /// <summary>A list typed as words separated by commas, spaces or line breaks (AoU ids, feature ids).</summary>
    public static IReadOnlyList<string> Words(this IFormCollection form, string name) =>
        (form.Text(name) ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>The version the form was rendered with, sent back as If-Match so a concurrent change is caught (412).</summary>
    public static long? Version(this IFormCollection form) =>
        long.TryParse(form.Text("version"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>The form's antiforgery token was missing or not this session's: the form did not come from our page.</summary>
public sealed class FormRejected() : Exception("The form's antiforgery token is missing or not valid for this session.");
