/**
 * SVC-5: the charts' library, loaded only when the reports screen draws a chart (a dynamic import of this file):
 * Chart.js 4 with only what bar and line charts need registered, so the rest of it is shaken out of the build.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js'

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip)

// A printed page is narrower than the screen the charts were drawn for: fit them to it, and back after.
const fitAll = () => Object.values(Chart.instances).forEach((chart) => chart.resize())
window.addEventListener('beforeprint', fitAll)
window.addEventListener('afterprint', fitAll)

export type ReportChartKind = 'bar' | 'line'

export interface ReportSeries {
  label: string
  data: number[]
}

// Colours told apart without colour vision too: each series also differs by its legend word and, on a line, its dash.
const colours = ['#1d4ed8', '#c2410c', '#0f766e', '#6b21a8']
const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]]

function configOf(kind: ReportChartKind, labels: string[], series: ReportSeries[]): ChartConfiguration<ReportChartKind> {
  return {
    type: kind,
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length],
        ...(kind === 'line' ? { borderDash: dashes[i % dashes.length], tension: 0, pointRadius: 4 } : {}),
      })),
    },
    options: {
      // Drawn at once: a report is read and printed, not watched.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: series.length > 1 } },
    },
  }
}

/** Draws a chart on `canvas`; `update` redraws it with new figures, `destroy` lets the canvas go. */
export function drawChart(canvas: HTMLCanvasElement, kind: ReportChartKind, labels: string[], series: ReportSeries[]) {
  const chart = new Chart(canvas, configOf(kind, labels, series))
  return {
    update(nextLabels: string[], nextSeries: ReportSeries[]) {
      chart.data = configOf(kind, nextLabels, nextSeries).data
      chart.update()
    },
    destroy: () => chart.destroy(),
  }
}
