using System.Reflection;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.UnitTests.Audit;

public class SecurityEventLabelsTests
{
    private static IEnumerable<string> Constants(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void EveryKindOfEventHasALabelForTheConsole()
    {
        var unlabelled = Constants(typeof(SecurityEventKinds)).Where(kind => SecurityEventLabels.ForKind(kind) == kind).ToList();

        Assert.True(unlabelled.Count == 0, "Add a label in SecurityEventLabels for: " + string.Join(", ", unlabelled));
    }

    [Fact]
    public void EveryOutcomeHasALabelAndABadge()
    {
        Assert.All(Constants(typeof(SecurityEventOutcomes)), outcome =>
        {
            Assert.True(SecurityEventLabels.IsKnownOutcome(outcome), outcome);
            Assert.NotEqual("", SecurityEventLabels.BadgeFor(outcome));
        });
    }

    [Fact]
    public void AnUnknownKindShowsAsStored()
    {
        Assert.Equal("some_future_kind", SecurityEventLabels.ForKind("some_future_kind"));
        Assert.False(SecurityEventLabels.IsKnownKind("some_future_kind"));
    }
}
