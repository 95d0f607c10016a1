using ClinikoIdP.Server.Data;

namespace ClinikoIdP.Server.Features.SecurityEvents;

/// <summary>
/// Told about each event once <see cref="SecurityEventWriter"/> has committed it to the audit trail (for example to
/// email the person it is about). The action that wrote the event is still running and waits for the observer, so an
/// observer does only quick database work, never waits on anything outside, and never throws.
/// </summary>
public interface ISecurityEventObserver
{
    /// <param name="written">The event as stored (with its id and time).</param>
    /// <param name="user">The account the event is about, when there is one.</param>
    Task OnWrittenAsync(SecurityEventRecord written, ClinicUser? user);
}
