using System.Security.Cryptography;
using Traceability.Projections.Keys;

namespace Traceability.Api.Hosting;

/// <summary>
/// The secret that stored API keys are keyed with (issue 13 item 6), kept outside the database like the signing
/// key: Auth:KeyPepperFile, or else generated once into the data directory's keys/ folder (owner-only) and reused
/// at every start. Every instance on one database needs the same file: another pepper makes every key issued
/// since unknown (keys issued before keyed hashing keep working). Never logged.
/// </summary>
public static class KeyPepper
{
    public const string FileSetting = "Auth:KeyPepperFile";

    public static string DefaultFile(ServiceDataDirectory dataDirectory) => dataDirectory.Resolve(Path.Combine("keys", "api-key-pepper"));

    public static KeyHasher Load(IConfiguration configuration, ServiceDataDirectory dataDirectory, ILogger logger)
    {
        var configured = configuration[FileSetting];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultFile(dataDirectory) : configured.Trim());
        if (File.Exists(path)) return Read(path);
        if (!string.IsNullOrWhiteSpace(configured)) throw new InvalidOperationException($"{FileSetting} names {path}, which does not exist.");
        var pepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyHasher.PepperBytes));
        if (KeyFile.TryCreate(path, pepper + "\n"))
        {
            logger.LogWarning("Generated the API key pepper {Path}. Stored API keys are keyed with it: keep it with the data directory, "
                + "outside the database, back it up, and give every instance the same file ({Setting}).", path, FileSetting);
        }
        return Read(path);
    }

    private static KeyHasher Read(string path)
    {
        try
        {
            return new KeyHasher(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"{path} is not an API key pepper (base64 of at least {KeyHasher.PepperBytes} random bytes): {ex.Message}", ex);
        }
    }
}
