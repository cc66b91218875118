using System.Collections.Concurrent;
using Traceability.Api.Baselines;

namespace Traceability.Api.Web.Baselines;

/// <summary>
/// The baseline shown above its matrix, remembered with the head of the log its matrix page reflected. GET
/// /api/baselines/{id} folds every import (~11k values each), which made it half the cost of paging through a
/// matrix. The log only grows: a view read after a matrix page at head h reflects a head of at least h, so when a
/// later matrix page is again at head h no event at all has been written since, and the view is still exact.
/// Only used after the reader's own matrix call succeeded, so it shows nothing the reader may not read.
/// </summary>
public sealed class BaselineHeaders
{
    private readonly ConcurrentDictionary<string, (long Head, BaselineView View)> _known = new(StringComparer.Ordinal);

    public async Task<BaselineView> AtHeadAsync(ApiClient api, string id, long head, CancellationToken ct)
    {
        if (_known.TryGetValue(id, out var known) && known.Head == head) return known.View;
        var view = (await api.GetAsync<BaselineView>(Href.To("api", "baselines", id), ct)).OrThrow();
        _known[id] = (head, view);
        return view;
    }
}
