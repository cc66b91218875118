using Microsoft.AspNetCore.Authorization;

namespace Traceability.Api.Http;

/// <summary>
/// viewer reads; engineer proposes, revises, imports and attaches evidence; assessor approves,
/// rejects, reconfirms and freezes; admin does everything, including keys and platforms.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Engineer = "engineer";
    public const string Assessor = "assessor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Engineer, Assessor, Admin];

    /// <summary>Policy names: what an endpoint needs.</summary>
    public const string Read = "read";
    public const string Engineering = "engineering";
    public const string Assessment = "assessment";
    public const string Administration = "administration";

    /// <summary>The roles each policy admits: the API's policies, the web pages' and what a 403 names are all built from this one table.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Admitted = new Dictionary<string, IReadOnlyList<string>>
    {
        [Read] = All,
        [Engineering] = [Engineer, Admin],
        [Assessment] = [Assessor, Admin],
        [Administration] = [Admin],
    };

    /// <summary>The roles that may call <paramref name="endpoint"/>: every policy it names must admit them.</summary>
    public static IReadOnlyList<string> AdmittedBy(Endpoint? endpoint)
    {
        IEnumerable<string> roles = All;
        foreach (var data in endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
        {
            if (data.Policy is { } policy && Admitted.TryGetValue(policy, out var admitted)) roles = roles.Intersect(admitted);
        }
        return roles.ToList();
    }

    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Admitted) options.AddPolicy(policy, p => p.RequireRole(roles));
        // An endpoint that forgets to say what it needs still requires a key (issue 6).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
