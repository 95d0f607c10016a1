using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>Describes a scope, or what an edit changed in it, for the audit trail.</summary>
public static class ScopeChanges
{
    public static string DescribeNew(OpenIddictScopeDescriptor scope) =>
        $"Created scope '{scope.Name}'; display name: {scope.DisplayName}; resources: {Show(Resources(scope))}";

    public static string DescribeChanges(OpenIddictScopeDescriptor before, OpenIddictScopeDescriptor after)
    {
        var changes = new List<string>();
        if (before.Name != after.Name)
        {
            changes.Add($"name: {before.Name} -> {after.Name}");
        }

        if (before.DisplayName != after.DisplayName)
        {
            changes.Add($"display name: {Show(before.DisplayName)} -> {Show(after.DisplayName)}");
        }

        if (Resources(before) != Resources(after))
        {
            changes.Add($"resources: {Show(Resources(before))} -> {Show(Resources(after))}");
        }

        return changes.Count == 0 ? $"Saved scope '{after.Name}' without changes" : $"Changed scope '{after.Name}': " + string.Join("; ", changes);
    }

    private static string Resources(OpenIddictScopeDescriptor scope) => string.Join(' ', scope.Resources.Order(StringComparer.Ordinal));

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;
}
