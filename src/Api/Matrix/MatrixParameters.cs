using Microsoft.AspNetCore.Mvc;

namespace Traceability.Api.Matrix;

/// <summary>
/// The query string of GET .../matrix as the client wrote it. Everything binds as text so that
/// <see cref="MatrixQueryParser"/> can answer a bad value with a 400 naming the parameter.
/// </summary>
public sealed record MatrixParameters(
    [FromQuery(Name = "flag")] string[]? Flag,
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "symbolPrefix")] string? SymbolPrefix,
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "assumption")] string? Assumption,
    [FromQuery(Name = "feature")] string? Feature,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "pageSize")] string? PageSize,
    [FromQuery(Name = "asOf")] string? AsOf,
    [FromQuery(Name = "format")] string? Format);
