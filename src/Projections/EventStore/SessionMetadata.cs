using Marten;

namespace Traceability.Projections.Events;

public static class SessionMetadata
{
    /// <summary>Every event the session appends carries this metadata (Marten copies it onto each event).</summary>
    public static void Stamp(this IDocumentSession session, EventMetadata metadata)
    {
        session.LastModifiedBy = metadata.Actor;
        session.CorrelationId = metadata.CorrelationId;
        session.CausationId = metadata.CausationId;
        foreach (var (name, value) in metadata.Headers()) session.SetHeader(name, value);
    }
}
