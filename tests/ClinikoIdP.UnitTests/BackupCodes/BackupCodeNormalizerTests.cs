using ClinikoIdP.Authentication.BackupCodes;

namespace ClinikoIdP.UnitTests.BackupCodes;

public class BackupCodeNormalizerTests
{
    [Theory]
    [InlineData("7K3M-9QRT-VWXY-Z0AB")]
    [InlineData("7k3m-9qrt-vwxy-z0ab")]
    [InlineData("7K3M9QRTVWXYZ0AB")]
    [InlineData("7K3M 9QRT VWXY Z0AB")]
    [InlineData("  7k3m9qrt - vwxyz0ab ")]
    [InlineData("7K3M-9QRT-VWXY-ZOAB")]
    [InlineData("7K3M-9QRT-VWXY-ZoAB")]
    public void AcceptsCodeTypedLoosely(string typed)
    {
        Assert.Equal("7K3M9QRTVWXYZ0AB", BackupCodeNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData("I1I1-L1L1-il1l-0000", "1111111111110000")]
    [InlineData("OOOO-oooo-0000-0000", "0000000000000000")]
    public void ReadsLookAlikeLettersAsDigits(string typed, string expected)
    {
        Assert.Equal(expected, BackupCodeNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7K3M-9QRT-VWXY-Z0A")]
    [InlineData("7K3M-9QRT-VWXY-Z0ABC")]
    [InlineData("7K3M-9QRT-VWXY-Z0AU")]
    [InlineData("7K3M-9QRT-VWXY-Z0A!")]
    [InlineData("7K3M_9QRT_VWXY_Z0AB")]
    [InlineData("7K3M-9QRT-VWXY-Z0AĀ")]
    [InlineData("7K3M-9QRT-VWXY-Z0Aı")]
    [InlineData("123456")]
    public void RejectsTextThatIsNotABackupCode(string? typed)
    {
        Assert.Null(BackupCodeNormalizer.Normalize(typed));
    }

    [Theory]
    [InlineData("123456", TypedCodeKind.TotpCode)]
    [InlineData("123 456", TypedCodeKind.TotpCode)]
    [InlineData("7K3M-9QRT-VWXY-Z0AB", TypedCodeKind.BackupCode)]
    [InlineData("7k3m9qrtvwxyz0ab", TypedCodeKind.BackupCode)]
    [InlineData("1234-5678-9012-3456", TypedCodeKind.BackupCode)]
    [InlineData("12345", TypedCodeKind.Unrecognised)]
    [InlineData("ABCDEF", TypedCodeKind.Unrecognised)]
    [InlineData("", TypedCodeKind.Unrecognised)]
    [InlineData(null, TypedCodeKind.Unrecognised)]
    public void TellsTotpCodeFromBackupCode(string? typed, TypedCodeKind expected)
    {
        Assert.Equal(expected, BackupCodeNormalizer.Classify(typed));
    }
}
