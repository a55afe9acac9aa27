import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The colour tokens of each theme, read from the stylesheet itself so a change there is checked here.
const css = fs.readFileSync('app/globals.css', 'utf8');

function tokensIn(block: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [, name = '', value = ''] of block.matchAll(/--([a-z]+):\s*(#[0-9a-f]{3,6})\b/gi)) tokens[name] = value;
  return tokens;
}

function blockAfter(marker: RegExp): string {
  const start = css.search(marker);
  if (start < 0) throw new Error(`no ${marker} in globals.css`);
  const rootAt = css.indexOf(':root', start);
  return css.slice(rootAt, css.indexOf('}', rootAt));
}

const light = tokensIn(blockAfter(/^:root/m));
const themes = {
  light,
  dark: { ...light, ...tokensIn(blockAfter(/@media \(prefers-color-scheme: dark\)/)) },
  print: { ...light, ...tokensIn(blockAfter(/@media print/)) },
};

/** WCAG 2.x relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? Array.from(hex.slice(1), (d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(digits.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, from 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe.each(Object.entries(themes))('the %s theme', (_name, tokens) => {
  it.each(['text', 'muted', 'accent'])('sets --%s on the background at WCAG AA contrast (4.5:1) or better', (token) => {
    const foreground = tokens[token];
    const background = tokens.bg;
    expect(foreground, `--${token}`).toBeDefined();
    expect(background, '--bg').toBeDefined();
    expect(contrast(foreground!, background!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['text', 'accent'])('sets --%s on --mark (a word marked in a search result) at 4.5:1 or better', (token) => {
    expect(tokens.mark, '--mark').toBeDefined();
    expect(contrast(tokens[token]!, tokens.mark!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrast', () => {
  it('measures black on white as 21:1 and a colour on itself as 1:1', () => {
    expect(contrast('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#a3141c', '#a3141c')).toBe(1);
  });
});
