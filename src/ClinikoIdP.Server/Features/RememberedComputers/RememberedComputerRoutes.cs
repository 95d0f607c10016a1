namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>The addresses of the remembered-computer pages, shared with links and tests.</summary>
public static class RememberedComputerRoutes
{
    public const string MyComputers = "/my-security/computers";
}
