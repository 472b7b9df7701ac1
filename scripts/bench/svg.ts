// Two small chart kinds for the bench report, as plain SVG text: grouped bars and lines over
// categories. No library: the charts are simple and the files stay readable in a diff.
const COLORS = ["#2f6fed", "#e8833a", "#b42318", "#157f3d", "#7a5af8"];
const W = 720;
const H = 320;
const M = { top: 40, right: 20, bottom: 60, left: 60 };
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export interface Chart {
  title: string;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

function frame(chart: Chart, max: number, body: string): string {
  const plotH = H - M.top - M.bottom;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = M.top + plotH * (1 - f);
    return `<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#e4e7ec"/><text x="${M.left - 6}" y="${y + 4}" text-anchor="end">${Math.round(max * f)}</text>`;
  });
  // three names a row: "04-event-sourcing (inline)" is long
  const legend = chart.series
    .map((s, i) => {
      const [x, y] = [M.left + (i % 3) * 210, H - 38 + Math.floor(i / 3) * 18];
      return `<rect x="${x}" y="${y}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 16}" y="${y + 10}">${esc(s.name)}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2330">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${M.left}" y="22" font-size="15" font-weight="600">${esc(chart.title)}</text>
<text x="14" y="${M.top + plotH / 2}" transform="rotate(-90 14 ${M.top + plotH / 2})" text-anchor="middle">${esc(chart.unit)}</text>
${ticks.join("\n")}
${body}
${legend}
</svg>
`;
}

const niceMax = (values: number[]) => {
  const max = Math.max(1, ...values);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
};

export function barChart(chart: Chart): string {
  const max = niceMax(chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const groupW = plotW / chart.categories.length;
  const barW = (groupW * 0.8) / chart.series.length;
  const parts: string[] = [];
  chart.categories.forEach((category, g) => {
    const x0 = M.left + g * groupW + groupW * 0.1;
    parts.push(
      `<text x="${M.left + g * groupW + groupW / 2}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(category)}</text>`,
    );
    chart.series.forEach((s, i) => {
      const v = s.values[g];
      const x = x0 + i * barW;
      if (v === null || v === undefined) {
        parts.push(
          `<text x="${x + barW / 2}" y="${M.top + plotH - 4}" text-anchor="middle" fill="#667085">n/a</text>`,
        );
        return;
      }
      const h = (v / max) * plotH;
      parts.push(
        `<rect x="${x + 2}" y="${M.top + plotH - h}" width="${barW - 4}" height="${h}" fill="${COLORS[i % COLORS.length]}"/>`,
      );
      parts.push(
        `<text x="${x + barW / 2}" y="${M.top + plotH - h - 4}" text-anchor="middle" font-size="10">${Math.round(v)}</text>`,
      );
    });
  });
  return frame(chart, max, parts.join("\n"));
}

/** Lines over categories; values above `cap` are drawn at the cap; `threshold` is a dashed line. */
export function lineChart(chart: Chart, cap: number, threshold?: number): string {
  const max = Math.min(
    cap,
    niceMax(chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
  );
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number) =>
    M.left +
    (chart.categories.length === 1 ? plotW / 2 : (i / (chart.categories.length - 1)) * plotW);
  const y = (v: number) => M.top + plotH * (1 - Math.min(v, max) / max);
  const parts = chart.categories.map(
    (c, i) => `<text x="${x(i)}" y="${H - M.bottom + 18}" text-anchor="middle">${esc(c)}</text>`,
  );
  chart.series.forEach((s, i) => {
    const points = s.values.map((v, j) => (v === null ? null : `${x(j)},${y(v)}`)).filter(Boolean);
    const color = COLORS[i % COLORS.length];
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>`,
    );
    parts.push(
      ...points.map(
        (p) => `<circle cx="${p!.split(",")[0]}" cy="${p!.split(",")[1]}" r="3" fill="${color}"/>`,
      ),
    );
  });
  if (threshold !== undefined && threshold <= max) {
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${y(threshold)}" y2="${y(threshold)}" stroke="#b42318" stroke-dasharray="6 4"/>`,
    );
  }
  return frame(chart, max, parts.join("\n"));
}
