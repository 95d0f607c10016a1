using System.ComponentModel.DataAnnotations;

namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>The scope form as posted: resources (the APIs the scope's access tokens are for) one per line.</summary>
public sealed class ScopeInput
{
    [Required(ErrorMessage = "Give the scope a name, e.g. patients.read.")]
    [StringLength(ScopeRules.MaxNameLength, ErrorMessage = "Use at most 100 characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [StringLength(5000, ErrorMessage = "That is too long for a list of resources.")]
    [Display(Name = "Resources (APIs)")]
    public string? Resources { get; set; }

    public IReadOnlyList<string> ResourceLines() =>
        [.. (Resources ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];
}
