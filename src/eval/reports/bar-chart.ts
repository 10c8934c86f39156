import { escapeXml } from './escape.js';

/** One group of bars (e.g. one tag) with a value per series; null draws no bar and says "n/a". */
export interface BarGroup {
  label: string;
  values: ReadonlyArray<number | null>;
}

/** A series of bars: its legend name and colour. */
export interface BarSeries {
  name: string;
  color: string;
}

const LABEL_W = 190;
const PLOT_W = 360;
const VALUE_W = 50;
const BAR_H = 9;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const TOP = 34;

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Renders a horizontal grouped bar chart of 0..1 values as standalone inline SVG. */
export function barChartSvg(groups: readonly BarGroup[], series: readonly BarSeries[], title: string): string {
  const groupH = series.length * (BAR_H + BAR_GAP) - BAR_GAP + GROUP_GAP;
  const width = LABEL_W + PLOT_W + VALUE_W;
  const height = TOP + groups.length * groupH + 20;
  const parts: string[] = [];

  series.forEach((s, i) => {
    const x = LABEL_W + i * 130;
    parts.push(`<rect x="${x}" y="6" width="10" height="10" fill="${escapeXml(s.color)}"/>`);
    parts.push(`<text x="${x + 14}" y="15" class="legend">${escapeXml(s.name)}</text>`);
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    const x = LABEL_W + t * PLOT_W;
    parts.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 16}" class="grid"/>`);
    parts.push(`<text x="${x}" y="${height - 4}" text-anchor="middle" class="tick">${pct(t)}</text>`);
  }
  groups.forEach((g, gi) => {
    const y0 = TOP + gi * groupH;
    const mid = y0 + (groupH - GROUP_GAP) / 2 + 4;
    parts.push(`<text x="${LABEL_W - 8}" y="${mid}" text-anchor="end" class="label">${escapeXml(g.label)}</text>`);
    series.forEach((s, si) => {
      const v = g.values[si] ?? null;
      const y = y0 + si * (BAR_H + BAR_GAP);
      const w = v === null ? 0 : Math.max(0, Math.min(1, v)) * PLOT_W;
      if (v !== null)
        parts.push(
          `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${escapeXml(s.color)}"><title>${escapeXml(`${g.label} · ${s.name}: ${pct(v)}`)}</title></rect>`,
        );
      parts.push(
        `<text x="${LABEL_W + w + 4}" y="${y + BAR_H - 1}" class="value">${v === null ? 'n/a' : pct(v)}</text>`,
      );
    });
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<style>text{font:11px system-ui,sans-serif;fill:#333}.value,.tick{fill:#666;font-size:9px}.grid{stroke:#e3e3e3}</style>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
