using System.Diagnostics;
using System.Security.Cryptography;

namespace ClinikoIdP.Bench.Crypto;

/// <summary>
/// What the cryptography alone allows on this machine, measured in the same run as the servers: operations per second
/// on all cores at once, each core signing or hashing in a loop for the given time.
/// </summary>
public static class CryptoCeilings
{
    // A JWT signing input is a few hundred bytes; its size barely matters next to the private-key operation.
    private static readonly byte[] SigningInput = RandomNumberGenerator.GetBytes(400);

    public static double Rs256PerSecond(TimeSpan duration) => OnAllCores(duration, () =>
    {
        var rsa = RSA.Create(2048);
        return () => rsa.SignData(SigningInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    });

    public static double Es256PerSecond(TimeSpan duration) => OnAllCores(duration, () =>
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return () => ecdsa.SignData(SigningInput, HashAlgorithmName.SHA256);
    });

    /// <summary>The password hash ClinikoIdP verifies at sign-in: PBKDF2-HMAC-SHA512, 210,000 iterations.</summary>
    public static double Pbkdf2PerSecond(TimeSpan duration) => OnAllCores(duration, () =>
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return () => Rfc2898DeriveBytes.Pbkdf2("correct horse battery staple"u8, salt, 210_000, HashAlgorithmName.SHA512, 32);
    });

    private static double OnAllCores(TimeSpan duration, Func<Func<object>> prepare)
    {
        var counts = new long[Environment.ProcessorCount];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, counts.Length, new ParallelOptions { MaxDegreeOfParallelism = counts.Length }, core =>
        {
            var operation = prepare();
            operation();
            while (clock.Elapsed < duration)
            {
                operation();
                counts[core]++;
            }
        });
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
