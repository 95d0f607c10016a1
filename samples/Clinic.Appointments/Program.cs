using Clinic.Appointments;
using Clinic.Appointments.BackChannelLogout;
using Clinic.Appointments.Hosting;
using Clinic.Appointments.PatientRecords;
using Clinic.Appointments.Schedule;
using Clinic.Appointments.Tokens;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages(options =>
{
    // Every page needs a signed-in member of staff except the two a signed-out browser must reach.
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AllowAnonymousToPage("/SignedOut");
    options.Conventions.AllowAnonymousToPage("/Error");
});
builder.Services.AddClinikoIdPSignIn(builder.Configuration, builder.Environment);
builder.Services.AddBackChannelLogout();
builder.Services.AddAccessTokens();
builder.Services.AddPatientRecordsClient(builder.Configuration);
builder.Services.AddSingleton<DaySchedule>();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(AppRoutes.Error);
    app.UseHsts();
}

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapBackChannelLogout();
await app.RunAsync();
