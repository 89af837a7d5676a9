namespace GymIoT.Dashboard.MemberData;

public static class MemberDataEndpoints
{
    public const string JsonPath = "/account/export.json";
    public const string CsvPath = "/account/export.zip";

    /// <summary>A signed-in member's own data, streamed as JSON or as CSV files in a zip (one export at a time an account).</summary>
    public static void MapMemberDataEndpoints(this WebApplication app)
    {
        app.MapGet(JsonPath, (HttpContext context, MemberDataExport export) =>
            StreamAsync(context, "application/json", "json", (member, body, token) => export.WriteJsonAsync(member, body, token)))
            .RequireAuthorization();
        app.MapGet(CsvPath, (HttpContext context, MemberDataExport export) =>
            StreamAsync(context, "application/zip", "zip", (member, body, token) => export.WriteCsvZipAsync(member, body, token)))
            .RequireAuthorization();
    }

    private static async Task StreamAsync(HttpContext context, string contentType, string extension, Func<string, Stream, CancellationToken, Task> write)
    {
        var member = context.User.Identity!.Name!;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"gymiot-{member}.{extension}\"";
        await write(member, context.Response.Body, context.RequestAborted);
    }
}
