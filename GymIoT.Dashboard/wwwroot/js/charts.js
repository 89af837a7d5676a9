// Draws GymIoT's charts with ApexCharts and updates their series in place, so a live page does not flicker.
window.gymiotCharts = (() => {
  const charts = new WeakMap();

  const options = (spec) => ({
    chart: { type: spec.kind, height: 260, animations: { enabled: false }, toolbar: { show: false }, fontFamily: 'inherit' },
    title: { text: spec.title },
    series: spec.series,
    xaxis: { categories: spec.categories },
    dataLabels: { enabled: false },
    stroke: { width: spec.kind === 'bar' ? 0 : 2 },
  });

  return {
    render(element, spec) {
      const chart = new ApexCharts(element, options(spec));
      charts.set(element, chart);
      element.dataset.series = JSON.stringify(spec.series);
      return chart.render();
    },
    update(element, spec) {
      const chart = charts.get(element);
      if (!chart) {
        return this.render(element, spec);
      }
      element.dataset.series = JSON.stringify(spec.series);
      return chart.updateOptions({ xaxis: { categories: spec.categories }, series: spec.series }, false, false);
    },
    destroy(element) {
      charts.get(element)?.destroy();
      charts.delete(element);
    },
  };
})();
