namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>The outcome of one passkey answer: who and which methods it proves, or what to tell the person.</summary>
public sealed record PasskeyCheck(Data.ClinicUser? User, IReadOnlyList<string>? Methods, string? Error)
{
    public bool Succeeded => User is not null && Methods is not null;

    public static PasskeyCheck Refused(string error) => new(null, null, error);
}
