using System.Globalization;
using Clinic.Appointments.PatientRecords;
using Clinic.Appointments.Schedule;
using Clinic.Appointments.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Appointments.Pages;

public sealed class IndexModel(DaySchedule schedule, AccessTokens accessTokens, PatientRecordsClient patientRecords) : PageModel
{
    private Dictionary<int, string> names = [];

    public IReadOnlyList<Appointment> Appointments { get; private set; } = [];

    public string? Name => User.FindFirst("name")?.Value;

    public string? Email => User.FindFirst("email")?.Value;

    /// <summary>RFC 8176 values from the id token, e.g. pwd, otp, mfa.</summary>
    public IEnumerable<string> AuthenticationMethods => User.FindAll("amr").Select(claim => claim.Value);

    public DateTimeOffset? AuthenticatedAt =>
        long.TryParse(User.FindFirst("auth_time")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public string? Problem { get; private set; }

    public string PatientName(int id) => names.TryGetValue(id, out var name) ? name : $"Patient {id}";

    public async Task<IActionResult> OnGetAsync()
    {
        Appointments = schedule.ForToday();
        if (await accessTokens.GetAsync(HttpContext) is not { } accessToken)
        {
            // The refresh token was refused (revoked at the IdP, or expired): sign in again.
            return Challenge();
        }

        var answer = await patientRecords.ListAsync(accessToken, HttpContext.RequestAborted);
        names = answer.Value?.ToDictionary(patient => patient.Id, patient => patient.Name) ?? [];
        Problem = answer.Problem;
        return Page();
    }
}
