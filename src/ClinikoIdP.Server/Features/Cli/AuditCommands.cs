using System.CommandLine;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.Server.Features.Cli;

internal static class AuditCommands
{
    public static Command Build(CliRuntime runtime)
    {
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "A head hash noted earlier (the anchor): also check that it is still in the chain at its place.",
        };
        var verify = new Command("verify", "Check that no event of the audit trail was edited, deleted, inserted or reordered; exits 1 at the first break.")
        {
            expectHead,
        };
        runtime.SetAction(verify, async (services, parsed, ct) =>
        {
            var anchor = parsed.GetValue(expectHead);
            if (anchor is not null && !AuditEventHash.IsWellFormed(anchor.Trim()))
            {
                throw new OperationRefusedException("--expect-head takes a head hash as shown by this command: 64 hexadecimal digits.");
            }

            var report = await AuditChainVerifier.VerifyAsync(services.GetRequiredService<IdpDbContext>(), anchor, ct);
            if (report.Break is { } broken)
            {
                throw new OperationRefusedException($"audit trail broken at {broken.Where}: {broken.Description}.");
            }

            await runtime.Output.WriteLineAsync(report.Count == 0
                ? "Audit trail intact: 0 events."
                : $"Audit trail intact: {report.Count} events, head {report.HeadHash} at #{report.HeadSequence}");
            if (report.AnchorSequence is { } anchored)
            {
                await runtime.Output.WriteLineAsync($"The head you noted is still in the chain at #{anchored}.");
            }
        });

        return new Command("audit", "Check the tamper-evident audit trail.") { verify };
    }
}
