using System.Security.Cryptography;
using Traceability.Projections;

namespace Traceability.Api.Catalogs;

/// <summary>Hashes what is read through it, so an upload's SHA-256 is known without buffering it.</summary>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : ReadThroughStream(inner, ownsInner: false)
{
    protected override void OnRead(ReadOnlySpan<byte> chunk) => hash.AppendData(chunk);
}
