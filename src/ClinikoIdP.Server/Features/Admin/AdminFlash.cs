using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClinikoIdP.Server.Features.Admin;

/// <summary>The one-line confirmation the console shows after a change ("Client billing created."), across the 303.</summary>
public static class AdminFlash
{
    private const string Key = "AdminFlash";

    public static void Set(ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static string? Take(ITempDataDictionary tempData) => tempData[Key] as string;
}
