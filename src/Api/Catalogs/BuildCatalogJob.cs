using Traceability.Projections.Events;

namespace Traceability.Api.Catalogs;

/// <summary>
/// The durable message of a catalog build (issue 11 item 3), stored with its job record in one transaction.
/// Kind is path (Path names the server's tree) or gzip, xz, compact (the upload spooled at <see cref="CatalogJobs.UploadPath"/>).
/// </summary>
public sealed record BuildCatalogJob(
    Guid JobId, string Kind, string KernelVersion, string Architecture, string Source, string? Path, EventMetadata Metadata);
