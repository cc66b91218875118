using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Traceability.Api.Assumptions;
using Traceability.Api.Baselines;
using Traceability.Api.Decisions;
using Traceability.Api.HardwareFeatures;
using Traceability.Api.Keys;
using Traceability.Api.Platforms;
using Traceability.Api.Requirements;

namespace Traceability.Api.Http;

/// <summary>
/// One realistic example body per request type, shown by Swagger UI's "Try it out", so an engineer
/// who never read the code starts from something the service accepts. A test keeps the table complete.
/// </summary>
public sealed class RequestExamples : ISchemaFilter
{
    private const string Reason = "Re-reviewed after the 2024-05-14 working-group meeting.";

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(IssueKey.Request)] = new IssueKey.Request("ci-arm64", "engineer", "Ada Lovelace"),
        [typeof(Catalogs.BuildCatalog.Request)] = new Catalogs.BuildCatalog.Request("/usr/src/linux-source-6.12", "6.12.117", "arm64"),
        [typeof(RegisterPlatform.Request)] = new RegisterPlatform.Request("aarch64-qemu-virt", "arm64", "QEMU virt (GICv3, virtio)",
            ["FEAT_PAN", "FEAT_PAuth", "FEAT_BTI"], "UEFI (EDK2) entered at EL1", "KVM or none", ["EL0", "EL1"], "The working group's reference platform."),
        [typeof(RegisterHardwareFeature.Request)] = new RegisterHardwareFeature.Request("arm64-pan", "Privileged Access Never (PAN)", "arm64",
            "kernel accesses to userspace memory outside uaccess routines", "FEAT_PAN faults EL1 data accesses to EL0 pages.",
            ["CONFIG_ARM64_PAN"], new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available" }),
        [typeof(ReviseHardwareFeature.Request)] = new ReviseHardwareFeature.Request("FEAT_PAN faults EL1 data accesses to EL0 pages.",
            "kernel accesses to userspace memory", ["ARM64_PAN", "ARM64_EPAN"], new Dictionary<string, string> { ["aarch64-qemu-virt"] = "available" }, Reason),
        [typeof(DraftAssumption.Request)] = new DraftAssumption.Request("platform",
            "The kernel executes at EL1 only; EL2/EL3 firmware and the secure world are out of scope."),
        [typeof(ReviseAssumption.Request)] = new ReviseAssumption.Request("platform",
            "The kernel executes at EL1 only; EL2/EL3 firmware, the secure world and any TEE are out of scope.", Reason),
        [typeof(AcceptAssumption.Request)] = new AcceptAssumption.Request("Agreed in the working group."),
        [typeof(RetireAssumption.Request)] = new RetireAssumption.Request("Superseded by AOU-0012."),
        [typeof(RecordRequirement.Request)] = new RecordRequirement.Request("sg-freedom-from-interference", "SG-01",
            "Freedom from interference", "A fault in userspace shall not corrupt kernel memory.", "goal"),
        [typeof(ReviseRequirement.Request)] = new ReviseRequirement.Request("SG-01", "Freedom from interference",
            "A fault in an unprivileged process shall not corrupt kernel memory or control flow.", Reason),
        [typeof(CreateBaseline.Request)] = new CreateBaseline.Request("arm64-6.1", "aarch64-qemu-virt", "6.1.192", "debian-generic"),
        [typeof(DeriveBaseline.Request)] = new DeriveBaseline.Request("arm64-6.12", "6.12.117", "debian-generic"),
        [typeof(FreezeBaseline.Request)] = new FreezeBaseline.Request("Submitted for the ISO 26262 confirmation review."),
        [typeof(ProposeDecision.Request)] = new ProposeDecision.Request("CONFIG_FUTEX", "y",
            "Userspace locking relies on futex(2); the symbol is only formally optional.", ["AOU-0003"], [], ["sg-freedom-from-interference"]),
        [typeof(ReviseDecision.Request)] = new ReviseDecision.Request("y",
            "Userspace locking relies on futex(2), including robust and PI futexes.", ["AOU-0003"], [], [], Reason),
        [typeof(ApproveDecision.Request)] = new ApproveDecision.Request("Reviewed: value and rationale are safe under the linked AoUs."),
        [typeof(ReasonRequest)] = new ReasonRequest(Reason),
        [typeof(AttachEvidence.Request)] = new AttachEvidence.Request("test", "LTP futex_wait01..05 on QEMU virt", "pass", "All futex test cases pass."),
    };

    public static IEnumerable<Type> Documented => Examples.Keys;

    /// <summary>The example body of a request type: the hardening tests mutate it into bad input.</summary>
    internal static object? For(Type type) => Examples.GetValueOrDefault(type);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
            concrete.Examples = [JsonSerializer.SerializeToNode(example, context.Type, JsonSerializerOptions.Web)!];
    }
}
