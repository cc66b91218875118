using System.Security.Cryptography;
using System.Text;

namespace Traceability.Projections.Keys;

/// <summary>
/// How a presented key is matched against stored verifiers: HMAC-SHA-256 under a 32-byte pepper kept outside the
/// database (issue 13 item 6: a plain SHA-256 of a chosen bootstrap key could be guessed from a copy of the log),
/// and the plain SHA-256 that keys issued before were stored with. A fast keyed hash, not a slow one: keys are
/// random (or the pepper is), and it runs on every request.
/// </summary>
public sealed class KeyHasher
{
    public const int PepperBytes = 32;
    private readonly byte[] _pepper;

    public KeyHasher(byte[] pepper)
    {
        if (pepper.Length < PepperBytes) throw new ArgumentException($"The key pepper must be at least {PepperBytes} bytes.", nameof(pepper));
        _pepper = pepper;
    }

    public string Keyed(string key) => Convert.ToHexStringLower(HMACSHA256.HashData(_pepper, Encoding.UTF8.GetBytes(key)));

    public static string Legacy(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
