namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>Where a limited request names the account it is about.</summary>
public enum AccountSource
{
    /// <summary>It names none (passwordless passkey sign-in, authorization requests): per address only.</summary>
    None,

    /// <summary>The email typed into the form's <c>Input.Email</c>, normalised as Identity stores it.</summary>
    FormEmail,

    /// <summary>The user of the pending sign-in, or else of the session (second-factor steps and enrolment).</summary>
    SignInUser,

    /// <summary>The client_id of the form or of HTTP Basic authentication (RFC 6749 §2.3.1).</summary>
    ClientId,
}
