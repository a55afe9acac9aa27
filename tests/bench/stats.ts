// Small statistics and formatting for the bench's figures.

/** A point of a fitted line: x (pages, rounds …) against y (seconds, bytes …). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A least-squares line: y ≈ intercept + slope · x, and how well it fits. */
export interface Line {
  readonly slope: number;
  readonly intercept: number;
  readonly r2: number;
}

/**
 * The median of a list of numbers; undefined for an empty list.
 * @example median([3, 1, 2]) // => 2
 */
export function median(values: readonly number[]): number | undefined {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  const lower = sorted[middle - 1];
  if (upper === undefined) return undefined;
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

/** Least-squares line through the points; undefined for fewer than two distinct x. */
export function fitLine(points: readonly Point[]): Line | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  if (sxx === 0) return undefined;
  const sxy = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const total = points.reduce((sum, p) => sum + (p.y - meanY) ** 2, 0);
  const residual = points.reduce((sum, p) => sum + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, r2: total === 0 ? 1 : 1 - residual / total };
}

type Figure = number | null | undefined;

const missing = (value: Figure): value is null | undefined => value == null || !Number.isFinite(value);

/** @example kb(1536) // => '1.5 KB' */
export const kb = (bytes: Figure): string => (missing(bytes) ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
/** @example mb(3 * 2 ** 20) // => '3 MB' */
export const mb = (bytes: Figure): string => (missing(bytes) ? '–' : `${Math.round(bytes / 2 ** 20)} MB`);
/** @example ms(1.234) // => '1.2 ms' */
export const ms = (value: Figure, digits = 1): string => (missing(value) ? '–' : `${value.toFixed(digits)} ms`);
/** @example seconds(61.26) // => '61.3 s' */
export const seconds = (value: Figure): string => (missing(value) ? '–' : `${value.toFixed(1)} s`);
/** @example ratio(1.234) // => '1.23×' */
export const ratio = (value: Figure): string => (missing(value) ? '–' : `${value.toFixed(2)}×`);
/** @example count(12345.6) // => '12,346' */
export const count = (value: Figure): string => (missing(value) ? '–' : Math.round(value).toLocaleString('en-US'));
/** @example percent(0.0512) // => '5.1 %' */
export const percent = (value: Figure): string => (missing(value) ? '–' : `${(value * 100).toFixed(1)} %`);

/** A table cell: text, or a number printed as it is. */
export type Cell = string | number;

/** Renders rows of cells as a plain text table with a header line. */
export function table(header: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(...[cell, ...rows.map((row) => row[column] ?? '')].map((text) => width(String(text)))),
  );
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, column) => pad(String(cell), widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// Chinese characters and the like take two columns in a terminal.
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
      char,
    )
      ? 2
      : 1;
  return columns;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

/** A target's verdict: met, not met, or not measured in this run. */
export type Verdict = boolean | null;

/** @example verdictText(false) // => 'NOT MET' */
export const verdictText = (met: Verdict): string => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');
