namespace Traceability.Projections.Embedded;

/// <summary>The embedded server could not be started; the message says what to install or set.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
