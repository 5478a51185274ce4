/** Markdown pieces for the bench report. */

/** A markdown table; cells are written as given. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, leftColumns: readonly number[] = []): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  // The first column (and any in leftColumns) is text; the others are figures, right-aligned.
  const align = headers.map((_, i) => (i === 0 || leftColumns.includes(i) ? '---' : '---:'));
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

/** A number with `digits` decimals, or "—" when missing. */
export function fixed(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/**
 * Renders any section result that brings no markdown of its own: nested objects become
 * `a.b` rows of a two-column table, arrays of numbers are joined.
 */
export function genericResult(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && typeof (result as { markdown?: unknown }).markdown === 'string') return (result as { markdown: string }).markdown;
  const rows: string[][] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else {
      rows.push([path || 'result', Array.isArray(value) ? value.join(', ') : typeof value === 'number' ? String(Number.isInteger(value) ? value : Number(value.toFixed(3))) : String(value)]);
    }
  };
  walk(result, '');
  return table(['figure', 'value'], rows);
}
