using Traceability.Domain.Requirements;
using Traceability.Projections.Events;

namespace Traceability.Api.Requirements;

/// <summary>A safety requirement or goal that rationales cite; ExternalId is its id in the group's requirements tool.</summary>
public sealed record RequirementView(
    string Id,
    string? ExternalId,
    string Title,
    string Text,
    string Kind,
    int Revision,
    long Version)
{
    public const string StreamType = "requirement";

    public static RequirementView? From(IReadOnlyList<RecordedEvent> events)
    {
        RequirementView? view = null;
        foreach (var e in events)
        {
            view = e.Data switch
            {
                RequirementRecorded r => new RequirementView(r.Id, r.ExternalId, r.Title, r.Text, r.Kind, 1, e.Version),
                RequirementRevised r when view is not null => view with
                {
                    ExternalId = r.ExternalId, Title = r.Title, Text = r.Text, Revision = r.Revision, Version = e.Version,
                },
                _ => view is null ? null : view with { Version = e.Version },
            };
        }
        return view;
    }
}
