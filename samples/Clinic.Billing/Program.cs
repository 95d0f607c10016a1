using Clinic.Billing;
using Clinic.Billing.BackChannelLogout;
using Clinic.Billing.Hosting;
using Clinic.Billing.Invoices;

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
builder.Services.AddSingleton<InvoiceBook>();

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
app.MapSignInEndpoints();
app.MapBackChannelLogout();
await app.RunAsync();
