// Draws GymIoT's charts with ApexCharts and updates their series in place, so a live page does not flicker.
window.gymiotCharts = (() => {
  const charts = new WeakMap();
  const isGauge = (spec) => spec.kind === 'radialBar';

  // A gauge takes one list of percentages and names them with labels; the other kinds take named series over categories.
  const data = (spec) => isGauge(spec) ? { series: spec.series[0].data, labels: spec.categories } : { series: spec.series, xaxis: { categories: spec.categories } };

  const options = (spec) => {
    const common = {
      chart: { type: spec.kind, height: isGauge(spec) ? 190 : 260, animations: { enabled: false }, toolbar: { show: false }, fontFamily: 'inherit' },
      ...data(spec),
      dataLabels: { enabled: false },
    };
    return isGauge(spec)
      ? { ...common, colors: ['#1f7a5a'], plotOptions: { radialBar: { hollow: { size: '58%' }, dataLabels: { name: { fontSize: '0.8rem' }, value: { fontSize: '1.4rem' } } } } }
      : {
        ...common,
        title: { text: spec.title },
        stroke: { width: spec.kind === 'bar' ? 0 : 2 },
        // Whole kcal and minutes on the axis: "1200", not "1200.0".
        yaxis: { labels: { formatter: (value) => Math.round(value).toString() } },
      };
  };

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
      return isGauge(spec) ? chart.updateSeries(spec.series[0].data, false) : chart.updateOptions(data(spec), false, false);
    },
    destroy(element) {
      charts.get(element)?.destroy();
      charts.delete(element);
    },
  };
})();
