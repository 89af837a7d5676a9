using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSimulatorEndpoints();

app.Run();
