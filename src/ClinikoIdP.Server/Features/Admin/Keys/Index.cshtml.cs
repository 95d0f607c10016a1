using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClinikoIdP.Server.Features.Admin.Keys;

/// <summary>The token server's keys: which one signs (or encrypts) now, which are retiring, and when they stop being published.</summary>
public sealed class SigningKeysModel(SigningKeyStore store, TimeProvider time) : PageModel
{
    public IReadOnlyList<SigningKeyRecord> SigningKeys { get; private set; } = [];

    public IReadOnlyList<SigningKeyRecord> EncryptionKeys { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        SigningKeys = [.. keys.Where(k => k.Use == SigningKeyRecord.SigningUse)];
        EncryptionKeys = [.. keys.Where(k => k.Use == SigningKeyRecord.EncryptionUse)];
        Now = time.GetUtcNow();
    }
}
