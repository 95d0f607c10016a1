using ClinikoIdP.Samples.Tests.Infrastructure;

namespace ClinikoIdP.Samples.Tests.BackChannelLogout;

public sealed class AppointmentsBackChannelLogoutTests(AppointmentsFactory factory)
    : BackChannelLogoutReceiverTests<Clinic.Appointments.BackChannelLogout.LogoutTokenValidator>(factory), IClassFixture<AppointmentsFactory>;
