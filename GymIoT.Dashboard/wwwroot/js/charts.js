// Draws GymIoT's charts with ApexCharts and updates their series in place, so a live page does not flicker.
window.gymiotCharts = (() => {
  const charts = new WeakMap();
  const isGauge = (spec) => spec.kind === 'radialBar';

  // A gauge takes one list of percentages and names them with labels; the other kinds take named series over categories.
  // A line over many minutes labels some of them, level, instead of all of them crammed and slanted.
  const data = (spec) => isGauge(spec)
    ? { series: spec.series[0].data, labels: spec.categories }
    : {
      series: spec.series,
      xaxis: spec.kind === 'line' && spec.categories.length > 12
        ? { categories: spec.categories, tickAmount: 8, labels: { rotate: 0, hideOverlappingLabels: true } }
        : { categories: spec.categories },
    };

  // Zones shaded from light to strong, the y axis wide enough to show every zone and every value.
  const bandColours = ['#9ad0ec', '#8fd694', '#f6d55c', '#f4a261', '#e76f51'];
  const banded = (spec) => {
    if (!spec.bands || spec.bands.length === 0) {
      return {};
    }
    const values = spec.series.flatMap((s) => s.data);
    // Round twenties at both ends, a label at each.
    const min = Math.floor((Math.min(spec.bands[0].from, ...values) - 5) / 20) * 20;
    const max = Math.ceil((Math.max(spec.bands[spec.bands.length - 1].to, ...values) + 5) / 20) * 20;
    return {
      annotations: {
        yaxis: spec.bands.map((band, i) => ({
          y: band.from, y2: band.to, fillColor: bandColours[i % bandColours.length], opacity: 0.18, borderColor: 'transparent',
          label: { text: band.label, borderColor: 'transparent', style: { background: 'transparent', color: '#334' } },
        })),
      },
      yaxis: { min, max, tickAmount: Math.round((max - min) / 20), labels: { formatter: (value) => Math.round(value).toString() } },
    };
  };

  const options = (spec) => {
    const common = {
      chart: { type: spec.kind, height: isGauge(spec) ? 160 : 260, animations: { enabled: false }, toolbar: { show: false }, fontFamily: 'inherit' },
      ...data(spec),
      dataLabels: { enabled: false },
    };
    return isGauge(spec)
      ? { ...common, colors: ['#1f7a5a'], plotOptions: { radialBar: { hollow: { size: '58%' }, dataLabels: { name: { show: false }, value: { fontSize: '1.2rem', offsetY: 6 } } } } }
      : {
        ...common,
        title: { text: spec.title },
        stroke: { width: spec.kind === 'bar' ? 0 : 2 },
        // Whole kcal and minutes on the axis: "1200", not "1200.0".
        yaxis: { labels: { formatter: (value) => Math.round(value).toString() } },
        ...banded(spec),
      };
  };

  // A chart's element can be gone by the time a call reaches the browser (the page navigated on while the server was
  // still rendering it): Blazor hands over null, or an element no longer in the document, which ApexCharts refuses
  // ("Element not found"). There is nothing to draw then, and a failure here would fail the server's call.
  const gone = (element) => !element || !element.isConnected;
  return {
    render(element, spec) {
      if (gone(element)) {
        return undefined;
      }
      const chart = new ApexCharts(element, options(spec));
      charts.set(element, chart);
      element.dataset.series = JSON.stringify(spec.series);
      return chart.render();
    },
    update(element, spec) {
      if (gone(element)) {
        return undefined;
      }
      const chart = charts.get(element);
      if (!chart) {
        return this.render(element, spec);
      }
      element.dataset.series = JSON.stringify(spec.series);
      return isGauge(spec) ? chart.updateSeries(spec.series[0].data, false) : chart.updateOptions({ ...data(spec), ...banded(spec) }, false, false);
    },
    destroy(element) {
      if (!element) {
        return;
      }
      charts.get(element)?.destroy();
      charts.delete(element);
    },
  };
})();
