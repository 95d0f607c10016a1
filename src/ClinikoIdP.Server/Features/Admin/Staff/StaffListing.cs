namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>One page of the staff list and where it sits among the others.</summary>
public sealed record StaffListing(IReadOnlyList<StaffListing.Row> Rows, int Total, int Page, int PageCount)
{
    public sealed record Row(
        string Id, string? Name, string Email, bool HasAuthenticator, bool Locked, bool Administrator,
        DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt, bool Invited);

    public int FirstShown => Total == 0 ? 0 : ((Page - 1) * StaffDirectory.PageSize) + 1;

    public int LastShown => FirstShown == 0 ? 0 : FirstShown + Rows.Count - 1;
}
