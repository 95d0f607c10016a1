namespace ClinikoIdP.Server.Features.Admin.Scopes;

/// <summary>The addresses of the scope pages, shared with the tests.</summary>
public static class ScopeRoutes
{
    public const string List = AdminRoutes.Scopes;
    public const string New = AdminRoutes.Scopes + "/new";

    public static string Edit(string name) => $"{AdminRoutes.Scopes}/{Uri.EscapeDataString(name)}/edit";

    public static string Delete(string name) => $"{AdminRoutes.Scopes}/{Uri.EscapeDataString(name)}/delete";
}
