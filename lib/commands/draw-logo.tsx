// Draws the site's logo: public/logo.svg, its source, and the PNGs made from it.
//
//   npx tsx --conditions=react-server lib/commands/draw-logo.tsx
//
// The mark is a seal: 同文, the part of the name that reads the same in both
// scripts, in white on the site's red. Its glyphs are Noto Sans CJK Bold's
// outlines (assets/fonts/), written into the SVG as paths, so the SVG needs no
// font to be shown. Run it again after changing the drawing; commit what it writes.
//
//   public/logo.svg          the mark, 512 × 512 units
//   public/logo-512.png      the mark at 512 × 512: the publisher logo of the articles' NewsArticle
//                            (Google asks for at least 112 × 112, square or near it)
//   public/logo-600x60.png   the mark and the name on one line in 600 × 60: the wide shape of
//                            Google News publisher logos (at most 600 × 60), for consumers that still want it
import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { cardFontBytes } from '../card-font';
import { site } from '../site';

const red = '#a3141c';
const ink = '#1d1d1f';

interface Shaper {
  /** Each glyph of `text` as an SVG path in font units (y up) and its advance. */
  glyphs(text: string): { readonly path: string; readonly advance: number }[];
  readonly upem: number;
}

async function loadShaper(): Promise<Shaper> {
  // ES module with top-level await: imported, not required.
  const hb = await import('harfbuzzjs');
  const face = new hb.Face(new hb.Blob(cardFontBytes()), 2);
  const font = new hb.Font(face);
  return {
    upem: face.upem,
    glyphs(text) {
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer);
      const positions = buffer.getGlyphPositions();
      return buffer.getGlyphInfos().map((info, index) => ({
        path: font.glyphToPath(info.codepoint),
        advance: positions[index]?.xAdvance ?? face.upem,
      }));
    },
  };
}

/** The glyphs of `text` set on a line: `x` and `baseline` in the drawing's units, `size` the em. */
function line(shaper: Shaper, text: string, x: number, baseline: number, size: number, fill: string): string {
  const scale = size / shaper.upem;
  let pen = x;
  return shaper
    .glyphs(text)
    .map((glyph) => {
      const at = pen;
      pen += glyph.advance * scale;
      return `<path fill="${fill}" transform="translate(${at.toFixed(2)} ${baseline.toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${glyph.path}"/>`;
    })
    .join('');
}

// Noto Sans CJK's ideographic em box: 880 units above the baseline and 120 below, of 1000.
const ascent = 0.88;

/** The seal in a square of `size` at (x, y): 同 above 文, each 0.4 of the square. */
function seal(shaper: Shaper, x: number, y: number, size: number): string {
  const em = size * 0.4;
  const top = y + (size - 2 * em) / 2;
  const left = x + (size - em) / 2;
  return (
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${(size * 0.12).toFixed(2)}" fill="${red}"/>` +
    line(shaper, '同', left, top + ascent * em, em, '#ffffff') +
    line(shaper, '文', left, top + em + ascent * em, em, '#ffffff')
  );
}

function svg(width: number, height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"><title>${title}</title>${body}</svg>\n`;
}

/** An SVG drawn at a size as PNG, through next/og's resvg: the same renderer as the cards. */
async function toPng(svgText: string, width: number, height: number): Promise<Buffer> {
  const source = `data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}`;
  const image = (
    <div style={{ display: 'flex', width, height }}>
      {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>; next/image is for pages */}
      <img src={source} alt="" width={width} height={height} />
    </div>
  );
  return Buffer.from(await new ImageResponse(image, { width, height }).arrayBuffer());
}

async function main(): Promise<void> {
  const shaper = await loadShaper();
  const publicDir = path.join(process.cwd(), 'public');
  fs.mkdirSync(publicDir, { recursive: true });

  const mark = svg(512, 512, seal(shaper, 0, 0, 512), site.name);
  fs.writeFileSync(path.join(publicDir, 'logo.svg'), mark);
  fs.writeFileSync(path.join(publicDir, 'logo-512.png'), await toPng(mark, 512, 512));

  // The name in the script the site writes it in (lib/site.ts); the seal reads the same in both.
  const wide = svg(600, 60, seal(shaper, 0, 0, 60) + line(shaper, site.name, 76, 30 + 0.38 * 40, 40, ink), site.name);
  fs.writeFileSync(path.join(publicDir, 'logo-600x60.png'), await toPng(wide, 600, 60));
  process.stdout.write('draw-logo: wrote public/logo.svg, public/logo-512.png, public/logo-600x60.png\n');
}

void main();
