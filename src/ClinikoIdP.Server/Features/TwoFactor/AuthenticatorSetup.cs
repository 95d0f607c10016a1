namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>What the enrolment page shows: the otpauth URI (as a QR code) and the key grouped for typing.</summary>
public sealed record AuthenticatorSetup(string OtpAuthUri, string FormattedKey);
