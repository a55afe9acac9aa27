// Small statistics and formatting for the bench's figures.

/** The median of a list of numbers. */
export function median(values) {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Least-squares line through points {x, y}: slope, intercept and R². */
export function fitLine(points) {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = meanY - slope * meanX;
  const total = points.reduce((sum, p) => sum + (p.y - meanY) ** 2, 0);
  const residual = points.reduce((sum, p) => sum + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, r2: total === 0 ? 1 : 1 - residual / total };
}

export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
export const mb = (bytes) => (bytes == null ? '–' : `${Math.round(bytes / 2 ** 20)} MB`);
export const ms = (value, digits = 1) => (value == null ? '–' : `${value.toFixed(digits)} ms`);
export const seconds = (value) => (value == null ? '–' : `${value.toFixed(1)} s`);
export const ratio = (value) => (value == null || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);
export const count = (value) => (value == null ? '–' : Math.round(value).toLocaleString('en-US'));

/** Renders rows of cells as a plain text table with a header line. */
export function table(header, rows) {
  const widths = header.map((cell, column) => Math.max(...[cell, ...rows.map((row) => row[column] ?? '')].map((text) => width(String(text)))));
  const line = (cells) => cells.map((cell, column) => pad(String(cell ?? ''), widths[column])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// Chinese characters and the like take two columns in a terminal.
function width(text) {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

function pad(text, columns) {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}
