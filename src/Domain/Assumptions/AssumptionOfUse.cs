using System.Globalization;
using System.Text.Json.Serialization;

namespace Traceability.Domain.Assumptions;

[JsonConverter(typeof(JsonStringEnumConverter<AssumptionStatus>))]
public enum AssumptionStatus
{
    Draft,
    Agreed,
    Retired,
}

public sealed record AssumptionOfUse(string Id, int Revision, string Category, string Text, AssumptionStatus Status)
{
    public const string IdPrefix = "AOU-";

    /// <summary>The number comes from the caller (next free number): the domain reads no counters.</summary>
    public static string FormatId(int number) => number is >= 1 and <= 9999
        ? IdPrefix + number.ToString("D4", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(number), number, "AoU numbers run from 1 to 9999.");

    public static bool IsValidId(string? id) =>
        id is { Length: 8 } && id.StartsWith(IdPrefix, StringComparison.Ordinal)
        && !id.AsSpan(IdPrefix.Length).ContainsAnyExceptInRange('0', '9')
        && id != IdPrefix + "0000";

    public static string StreamId(string id) => $"aou/{id}";

    public static AssumptionOfUse? Evolve(AssumptionOfUse? state, object @event) => @event switch
    {
        AssumptionDrafted e => new AssumptionOfUse(e.Id, 1, e.Category, e.Text, AssumptionStatus.Draft),
        AssumptionRevised e when state is not null => state with
        {
            Revision = e.Revision,
            Category = e.Category,
            Text = e.Text,
            Status = AssumptionStatus.Draft,
        },
        AssumptionAccepted when state is not null => state with { Status = AssumptionStatus.Agreed },
        AssumptionRetired when state is not null => state with { Status = AssumptionStatus.Retired },
        _ => state,
    };
}
