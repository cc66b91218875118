namespace Traceability.Api.Demo;

/// <summary>A demo step was refused by the API; the message holds the step and the problem document.</summary>
public sealed class DemoStepFailed(string message) : Exception(message);
