namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>The addresses of one client's console pages, shared with the tests.</summary>
public static class ClientRoutes
{
    public const string List = AdminRoutes.Clients;
    public const string New = AdminRoutes.Clients + "/new";

    public static string Details(string clientId) => $"{AdminRoutes.Clients}/{Uri.EscapeDataString(clientId)}";

    public static string Edit(string clientId) => Details(clientId) + "/edit";

    public static string Delete(string clientId) => Details(clientId) + "/delete";

    public static string RotateSecret(string clientId) => Details(clientId) + "/rotate-secret";
}
