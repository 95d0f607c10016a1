using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>
/// Users and their passkeys in dictionaries: just enough of a user store for <c>UserManager</c> to hand passkeys to
/// Identity's <c>PasskeyHandler</c> without a database.
/// </summary>
internal sealed class InMemoryPasskeyStore : IUserStore<TestUser>, IUserPasskeyStore<TestUser>
{
    private readonly Dictionary<string, TestUser> users = [];
    private readonly Dictionary<string, List<UserPasskeyInfo>> passkeys = [];

    public Task<IdentityResult> CreateAsync(TestUser user, CancellationToken cancellationToken)
    {
        users[user.Id] = user;
        passkeys[user.Id] = [];
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<IdentityResult> UpdateAsync(TestUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Success);

    public Task<IdentityResult> DeleteAsync(TestUser user, CancellationToken cancellationToken)
    {
        users.Remove(user.Id);
        passkeys.Remove(user.Id);
        return Task.FromResult(IdentityResult.Success);
    }

    public Task<TestUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(users.GetValueOrDefault(userId));

    public Task<TestUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult(users.Values.FirstOrDefault(u => u.NormalizedUserName == normalizedUserName));

    public Task<string> GetUserIdAsync(TestUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(TestUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(TestUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(TestUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(TestUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName;
        return Task.CompletedTask;
    }

    public Task AddOrUpdatePasskeyAsync(TestUser user, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        var list = passkeys[user.Id];
        list.RemoveAll(p => p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId));
        list.Add(passkey);
        return Task.CompletedTask;
    }

    public Task<IList<UserPasskeyInfo>> GetPasskeysAsync(TestUser user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<UserPasskeyInfo>>([.. passkeys[user.Id]]);

    public Task<TestUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        Task.FromResult(users.Values.FirstOrDefault(u => Find(u, credentialId) is not null));

    public Task<UserPasskeyInfo?> FindPasskeyAsync(TestUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(user, credentialId));

    public Task RemovePasskeyAsync(TestUser user, byte[] credentialId, CancellationToken cancellationToken)
    {
        passkeys[user.Id].RemoveAll(p => p.CredentialId.AsSpan().SequenceEqual(credentialId));
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    private UserPasskeyInfo? Find(TestUser user, byte[] credentialId) =>
        passkeys[user.Id].FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(credentialId));
}
