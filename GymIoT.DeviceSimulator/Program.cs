using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
if (app.Environment.IsDevelopment())
{
    // Operator and test tools that make readings up: never on a production system.
    app.MapSimulatorEndpoints();
}

app.Run();
