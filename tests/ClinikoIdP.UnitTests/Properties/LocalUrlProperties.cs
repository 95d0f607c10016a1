using ClinikoIdP.Server.Features.Common;
using CsCheck;

namespace ClinikoIdP.UnitTests.Properties;

/// <summary>
/// The return-URL check over generated strings: whatever it accepts, a browser resolves to this server. The browser's
/// reading follows the WHATWG URL parser: leading and trailing spaces and controls stripped, tabs and newlines dropped
/// anywhere, backslashes read as slashes.
/// </summary>
public class LocalUrlProperties
{
    private static readonly Uri Site = new("https://idp.clinic.test/signin");

    private static readonly Gen<string> Candidates = Gen.OneOf(
        Gen.String,
        Gen.OneOf("/", "//", "\\", "/\\", "\t", "\n", "\r", " ", "\0", "\u0001", "%09", "%2F", "evil.example", "https:", "javascript:", "@", "?", "#", ".", "a")
            .Array[1, 8].Select(parts => string.Concat(parts)));

    [Fact]
    public void EveryAcceptedReturnUrlStaysOnTheSite() =>
        Candidates.Sample(url =>
        {
            if (LocalUrl.IsLocal(url))
            {
                Assert.Equal(Site.Host, AsBrowserReadsIt(url).Host);
                Assert.Equal(url, LocalUrl.OrHome(url));
            }
            else
            {
                Assert.Equal("/", LocalUrl.OrHome(url));
            }
        }, iter: 50000);

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/\u0000/evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("//evil.example/")]
    public void ReturnUrlsABrowserWouldTakeOffTheSiteAreRefused(string url) => Assert.False(LocalUrl.IsLocal(url));

    private static Uri AsBrowserReadsIt(string url)
    {
        var cleaned = new string([.. url.Trim([.. Enumerable.Range(0, 0x21).Select(c => (char)c)]).Where(c => c is not ('\t' or '\n' or '\r'))]);
        return new Uri(Site, cleaned.Replace('\\', '/'));
    }
}
