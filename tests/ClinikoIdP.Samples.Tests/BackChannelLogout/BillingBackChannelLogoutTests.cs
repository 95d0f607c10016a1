using ClinikoIdP.Samples.Tests.Infrastructure;

namespace ClinikoIdP.Samples.Tests.BackChannelLogout;

public sealed class BillingBackChannelLogoutTests(BillingFactory factory)
    : BackChannelLogoutReceiverTests<Clinic.Billing.BackChannelLogout.LogoutTokenValidator>(factory), IClassFixture<BillingFactory>;
