namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>A staff account created through the admin command line, with the password it was given.</summary>
public sealed record TestUser(string Email, string Password, string Name);
