using System.Diagnostics.Metrics;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>
/// The server's own counters (meter <c>ClinikoIdP</c>). Labels take only values from small fixed sets, never a user,
/// client or address, so the series stay few and nothing personal leaves the server. With no listener (telemetry not
/// configured) an increment costs next to nothing.
/// </summary>
public sealed class IdpMetrics
{
    public const string MeterName = "ClinikoIdP";

    private readonly Counter<long> signIns;
    private readonly Counter<long> secondFactorFailures;
    private readonly Counter<long> secondFactorReplays;
    private readonly Counter<long> lockouts;
    private readonly Counter<long> tokensIssued;
    private readonly Counter<long> backChannelLogouts;

    public IdpMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        signIns = meter.CreateCounter<long>("clinikoidp.sign_ins", "{sign_in}",
            "Sign-in attempts by outcome: succeeded (a session started), second_factor_required, failed, locked_out.");
        secondFactorFailures = meter.CreateCounter<long>("clinikoidp.second_factor.failures", "{attempt}",
            "Refused second factors by method (totp, backup_code, passkey, unrecognised), replays included.");
        secondFactorReplays = meter.CreateCounter<long>("clinikoidp.second_factor.replays", "{attempt}",
            "Second factors refused because the same code or passkey answer had already been used, by method.");
        lockouts = meter.CreateCounter<long>("clinikoidp.lockouts", "{lockout}",
            "Accounts locked after too many failed passwords or second factors.");
        tokensIssued = meter.CreateCounter<long>("clinikoidp.tokens.issued", "{response}",
            "Successful token responses by grant type.");
        backChannelLogouts = meter.CreateCounter<long>("clinikoidp.backchannel_logout.deliveries", "{delivery}",
            "Back-channel logout delivery attempts by outcome: delivered, failed (will retry), abandoned.");
    }

    public void SignIn(string outcome) => signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A refused password: <c>locked_out</c> when the account is (or has just become) locked, <c>failed</c> otherwise.</summary>
    public void SignInRefused(bool lockedOut) => SignIn(lockedOut ? SignInOutcomes.LockedOut : SignInOutcomes.Failed);

    public void SecondFactorRefused(string method, bool replayed)
    {
        var tag = new KeyValuePair<string, object?>("method", method);
        secondFactorFailures.Add(1, tag);
        if (replayed)
        {
            secondFactorReplays.Add(1, tag);
        }
    }

    public void LockoutStarted() => lockouts.Add(1);

    public void TokenIssued(string grantType) => tokensIssued.Add(1, new KeyValuePair<string, object?>("grant_type", grantType));

    public void BackChannelLogout(string outcome) =>
        backChannelLogouts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
