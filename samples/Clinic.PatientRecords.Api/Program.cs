using Clinic.PatientRecords.Api;
using Clinic.PatientRecords.Api.Patients;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddClinikoIdPTokenValidation(builder.Configuration);
builder.Services.AddSingleton<PatientDirectory>();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapPatientEndpoints();
await app.RunAsync();
