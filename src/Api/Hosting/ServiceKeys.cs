using System.Security.Cryptography;
using Traceability.Projections.Trust;

namespace Traceability.Api.Hosting;

/// <summary>
/// The service's signing key (every append and every audit export), from Audit:SigningKey (PEM) or
/// Audit:SigningKeyFile, or else generated once into the data directory's keys/ folder, outside the
/// database, and reused at every start. Audit:TrustedPublicKeys names earlier keys whose signatures still
/// count after a rotation. The private key is never logged.
/// </summary>
public sealed class ServiceKeys : IDisposable
{
    public const string KeySetting = "Audit:SigningKey";
    public const string KeyFileSetting = "Audit:SigningKeyFile";
    public const string TrustedSetting = "Audit:TrustedPublicKeys";

    public ServiceKeys(IConfiguration configuration, ServiceDataDirectory dataDirectory, ILogger<ServiceKeys> logger)
    {
        Key = Load(configuration, dataDirectory, logger);
        var earlier = configuration.GetSection(TrustedSetting).Get<string[]>() ?? [];
        Trusted = new TrustedKeys(Key, earlier.Select(pem => TrustedKey.From(File.Exists(pem) ? File.ReadAllText(pem) : pem)));
    }

    public ServiceKey Key { get; }

    public TrustedKeys Trusted { get; }

    public static string DefaultFile(ServiceDataDirectory dataDirectory) => dataDirectory.Resolve(Path.Combine("keys", "service-signing-key.pem"));

    private static ServiceKey Load(IConfiguration configuration, ServiceDataDirectory dataDirectory, ILogger logger)
    {
        if (configuration[KeySetting] is { Length: > 0 } pem) return Parse(pem, KeySetting, logger);
        var configured = configuration[KeyFileSetting];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultFile(dataDirectory) : configured);
        if (File.Exists(path)) return Parse(File.ReadAllText(path), path, logger);
        if (!string.IsNullOrWhiteSpace(configured)) throw new InvalidOperationException($"{KeyFileSetting} names {path}, which does not exist.");
        var generated = ServiceKey.Generate();
        if (!KeyFile.TryCreate(path, generated.ExportPrivateKeyPem())) return Parse(File.ReadAllText(path), path, logger);
        logger.LogWarning("Generated the service signing key {Path} (key id {KeyId}). Every event and every audit export is signed with it; "
            + "keep it with the data directory, outside the database, and back it up. Set {Setting} to use your own.", path, generated.KeyId, KeyFileSetting);
        return generated;
    }

    private static ServiceKey Parse(string pem, string source, ILogger logger)
    {
        try
        {
            var key = ServiceKey.FromPem(pem);
            logger.LogInformation("Service signing key from {Source} (key id {KeyId})", source, key.KeyId);
            return key;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"{source} is not a PEM ECDSA P-256 private key: {ex.Message}", ex);
        }
    }

    public void Dispose() => Key.Dispose();
}

/// <summary>Writes a private key file once, readable by its owner only; a concurrent start that got there first wins.</summary>
internal static class KeyFile
{
    public static bool TryCreate(string path, string pem)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, pem);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }
}
