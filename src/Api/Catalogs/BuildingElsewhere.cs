namespace Traceability.Api.Catalogs;

/// <summary>
/// Another instance holds the job's build lock (it was judged dead while still alive, and its message handed over).
/// Wolverine schedules the message again (<see cref="CatalogJobHandler.RetryWhileBuildingElsewhere"/>, without end):
/// the retry finds the job ended, or the lock free because that instance died, and then builds it.
/// </summary>
public sealed class BuildingElsewhere(Guid job) : Exception($"Catalog job {job} is being built by another instance.");
