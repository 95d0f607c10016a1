namespace Clinic.Appointments.Schedule;

/// <summary>Today's fake appointments.</summary>
public sealed class DaySchedule
{
    private static readonly Appointment[] Today =
    [
        new(new TimeOnly(8, 30), 2, "Dr Jane Smith", "Diabetes review"),
        new(new TimeOnly(9, 15), 1, "Dr Jane Smith", "Blood pressure follow-up"),
        new(new TimeOnly(10, 0), 3, "Nurse Priya Patel", "Asthma check"),
        new(new TimeOnly(11, 45), 5, "Nurse Priya Patel", "Travel vaccinations"),
        new(new TimeOnly(14, 20), 4, "Dr Tom Okafor", "Knee pain"),
    ];

    public IReadOnlyList<Appointment> ForToday() => Today;
}
