namespace Traceability.Projections.Events;

/// <summary>An event type alias or CLR type missing from the registry: a rebuild fails loudly rather than skip it.</summary>
public sealed class UnknownEventType(string message) : Exception(message);
