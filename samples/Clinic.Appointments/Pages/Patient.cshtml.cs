using Clinic.Appointments.PatientRecords;
using Clinic.Appointments.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Appointments.Pages;

public sealed class PatientModel(AccessTokens accessTokens, PatientRecordsClient patientRecords) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public PatientSummary? Patient { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await accessTokens.GetAsync(HttpContext) is not { } accessToken)
        {
            return Challenge();
        }

        var answer = await patientRecords.FindAsync(Id, accessToken, HttpContext.RequestAborted);
        Patient = answer.Value;
        Problem = answer.Problem;
        return Page();
    }
}
