/**
 * Lays rows out in aligned columns, as the console reports print them: each column as wide as its widest cell
 * in `table` (the first row is the heading), the first column left-aligned, the others right-aligned, two
 * spaces apart.
 */
export function columnAligner(table: readonly (readonly string[])[]): (row: readonly string[]) => string {
  const widths = (table[0] ?? []).map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  return (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}
