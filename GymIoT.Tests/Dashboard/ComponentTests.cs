using Bunit;
using GymIoT.Dashboard.Components.Charts;
using GymIoT.Dashboard.Components.Home;
using GymIoT.Dashboard.Home;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

/// <summary>The dashboard's own components, rendered by bUnit with the browser's JavaScript side recorded.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ComponentTests : BunitContext
{
    private static ChartSpec Spec(params decimal[] kcal) =>
        new("Today per machine", "bar", ["Cyclette", "Spin bike"], [new ChartSeries("kcal", kcal)]);

    [Fact]
    public void A_KPI_card_shows_its_value_note_and_progress()
    {
        var card = Render<KpiCard>(parameters => parameters
            .Add(c => c.Label, "Today")
            .Add(c => c.Value, "320 kcal")
            .Add(c => c.Percent, 80)
            .Add(c => c.Note, "80% of your 400 kcal goal"));

        Assert.Equal("320 kcal", card.Find(".kpi-value").TextContent);
        Assert.Equal("80% of your 400 kcal goal", card.Find(".kpi-note").TextContent);
        Assert.Equal("80", card.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Contains("width: 80%", card.Find(".progress-fill").GetAttribute("style"));
    }

    [Fact]
    public void A_KPI_card_without_a_goal_has_no_progress_bar()
    {
        var card = Render<KpiCard>(parameters => parameters.Add(c => c.Label, "Minutes today").Add(c => c.Value, "42"));

        Assert.Empty(card.FindAll("[role=progressbar]"));
    }

    [Fact]
    public void A_KPI_card_shows_its_picture_under_the_value()
    {
        JSInterop.SetupVoid("gymiotCharts.render", _ => true).SetVoidResult();
        var gauge = new ChartSpec("Today's goal", ChartSpec.RadialKind, ["of today's goal"], [new ChartSeries("goal", [70m])]);

        var card = Render<KpiCard>(parameters => parameters
            .Add(c => c.Label, "Today")
            .Add(c => c.Value, "350 kcal")
            .AddChildContent<ApexChart>(chart => chart.Add(c => c.Spec, gauge).Add(c => c.CssClass, "gauge")));

        Assert.Equal("Today's goal", card.Find(".kpi .gauge").GetAttribute("aria-label"));
        var drawn = Assert.Single(JSInterop.Invocations, i => i.Identifier == "gymiotCharts.render");
        Assert.Contains("\"radialBar\"", System.Text.Json.JsonSerializer.Serialize(drawn.Arguments[1]));
    }

    [Fact]
    public void A_chart_is_drawn_once_and_then_updated_in_place_only_when_its_numbers_change()
    {
        JSInterop.SetupVoid("gymiotCharts.render", _ => true).SetVoidResult();
        JSInterop.SetupVoid("gymiotCharts.update", _ => true).SetVoidResult();
        var chart = Render<ApexChart>(parameters => parameters.Add(c => c.Spec, Spec(100, 50)));

        chart.Render(parameters => parameters.Add(c => c.Spec, Spec(100, 50)));
        chart.Render(parameters => parameters.Add(c => c.Spec, Spec(180, 50)));

        Assert.Single(JSInterop.Invocations, i => i.Identifier == "gymiotCharts.render");
        var update = Assert.Single(JSInterop.Invocations, i => i.Identifier == "gymiotCharts.update");
        Assert.Contains("180", System.Text.Json.JsonSerializer.Serialize(update.Arguments[1]));
        Assert.Equal("Today per machine", chart.Find("[data-chart]").GetAttribute("data-chart"));
    }

    [Fact]
    public void A_chart_the_browser_cannot_draw_leaves_a_blank_panel_and_the_page_goes_on()
    {
        JSInterop.SetupVoid("gymiotCharts.render", _ => true).SetException(new Microsoft.JSInterop.JSException("Element not found"));
        JSInterop.SetupVoid("gymiotCharts.update", _ => true).SetException(new Microsoft.JSInterop.JSException("Element not found"));

        var chart = Render<ApexChart>(parameters => parameters.Add(c => c.Spec, Spec(100, 50)));
        chart.Render(parameters => parameters.Add(c => c.Spec, Spec(180, 50)));

        Assert.Single(JSInterop.Invocations, i => i.Identifier == "gymiotCharts.update");
        Assert.Equal("Today per machine", chart.Find("[data-chart]").GetAttribute("data-chart"));
    }
}
