using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Data;

/// <summary>A member of clinic staff who signs in to ClinikoIdP.</summary>
public sealed class ClinicUser : IdentityUser
{
    public const int MaxDisplayNameLength = 200;

    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
