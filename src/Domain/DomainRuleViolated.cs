namespace Traceability.Domain;

/// <summary>A command broke a rule of the domain (DOMAIN.md); the API answers 409.</summary>
public sealed class DomainRuleViolated(string message) : Exception(message);
