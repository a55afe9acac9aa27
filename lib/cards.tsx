import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import fs from 'node:fs';
import type { Article } from './articles';
import { articleConverter, findArticlePhoto, viewArticle } from './article-view';
import { cachedCard, cardKey, type CachedCard } from './card-cache';
import { cardFontBytes, cardFontFile, drawableText, subsetCardFont } from './card-font';
import { formatChineseDate } from './dates';
import { fillLabel, getLabels } from './labels';
import type { Script } from './script';

/**
 * The link-preview cards: a 1200 × 630 PNG per article and script (the
 * headline in the page's script, the site's name, the date, and the photo
 * with its credit when the article has one) and one per script for the home
 * and list pages, drawn at build time by next/og (satori, then resvg) in Noto
 * Sans CJK Bold, each through the card cache (lib/card-cache.ts).
 */

/** The size Open Graph, X and Discover show large: 1.91:1, 1200 pixels wide. */
export const cardSize = { width: 1200, height: 630 } as const;

/** What an article's card shows, every text already in the card's script. */
export interface ArticleCardContent {
  readonly script: Script;
  readonly headline: string;
  readonly siteName: string;
  /** The date as the page shows it: 2025年7月23日. */
  readonly date: string;
  /** The article's first photo as a data URL (PNG or JPEG), and its credit line. */
  readonly photo?: { readonly dataUrl: string; readonly credit: string };
}

/** What the site's card shows on home and list pages. */
export interface SiteCardContent {
  readonly script: Script;
  readonly siteName: string;
  readonly description: string;
}

const colors = { paper: '#fbf9f4', ink: '#1d1d1f', muted: '#5c5c66', accent: '#a3141c', white: '#ffffff' } as const;
const fontFamily = 'Noto Sans CJK';
// The safe area: no text is drawn within these margins (tests/unit/cards.test.ts reads the pixels).
export const cardMargin = { x: 72, y: 60 } as const;
// satori draws the … of a cut headline past the end of its line: the lines stop short of the margin by this much.
const ellipsisRoom = 24;
const headlineWidth = cardSize.width - 2 * cardMargin.x - ellipsisRoom;
const lineHeight = 1.3;

/** The width of text in ems: an ideograph or full-width mark is one, Latin letters and digits about 0.6. */
function textEms(text: string): number {
  return Array.from(text).reduce(
    (sum, character) => sum + (/[\u1100-\uffff]/.test(character) && !/[\uff61-\uffdc]/.test(character) ? 1 : 0.6),
    0,
  );
}

/**
 * The largest size whose lines fit the space, and how many lines that is; a
 * headline too long even at the smallest size is cut at the last line (`…`).
 * @example headlineFit('短标题', 340).fontSize // => 72
 */
export function headlineFit(
  text: string,
  maxHeight: number,
  sizes: readonly number[] = [72, 64, 56, 50, 44],
): { readonly fontSize: number; readonly lines: number } {
  // Line breaking never fills a line to the last pixel (no line may start with ，or 。): count on 90 %.
  const linesAt = (size: number) => Math.max(1, Math.ceil((textEms(text) * size) / (headlineWidth * 0.9)));
  for (const size of sizes) {
    const lines = linesAt(size);
    if (lines * size * lineHeight <= maxHeight) return { fontSize: size, lines };
  }
  const smallest = sizes.at(-1) ?? 44;
  return { fontSize: smallest, lines: Math.max(1, Math.floor(maxHeight / (smallest * lineHeight))) };
}

/** The seal of the site's logo: 同文 in white on the site's red, as public/logo.svg draws it. */
function seal(size: number): ReactElement {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        width: size,
        height: size,
        borderRadius: size * 0.12,
        background: colors.accent,
        color: colors.white,
        fontSize: size * 0.4,
        lineHeight: 1,
      }}
    >
      <span>同</span>
      <span>文</span>
    </div>
  );
}

function masthead(siteName: string, color: string): ReactElement {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34, color, lineHeight: 1 }}>
      {seal(64)}
      <span>{siteName}</span>
    </div>
  );
}

function headline(
  text: string,
  fit: { readonly fontSize: number; readonly lines: number },
  color: string,
): ReactElement {
  return (
    <div
      style={{
        display: 'block',
        width: headlineWidth + ellipsisRoom,
        paddingRight: ellipsisRoom,
        // Never taller than its lines: a headline longer than they hold ends in … and no text leaves the card.
        maxHeight: fit.lines * fit.fontSize * lineHeight,
        overflow: 'hidden',
        lineClamp: fit.lines,
        fontSize: fit.fontSize,
        lineHeight,
        color,
      }}
    >
      {text}
    </div>
  );
}

/** The card of an article: its photo with the text on a dark band, or type on paper when it has none. */
export function articleCardElement(content: ArticleCardContent): ReactElement {
  const { photo } = content;
  if (photo) {
    const fit = headlineFit(content.headline, 3 * 50 * lineHeight, [56, 50]);
    return (
      <div
        style={{
          display: 'flex',
          position: 'relative',
          width: cardSize.width,
          height: cardSize.height,
          background: colors.ink,
          fontFamily,
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>; next/image is for pages */}
        <img
          src={photo.dataUrl}
          alt=""
          width={cardSize.width}
          height={cardSize.height}
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            width: cardSize.width,
            height: cardSize.height,
            objectFit: 'cover',
          }}
        />
        <div
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            bottom: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: 20,
            padding: `32px ${cardMargin.x}px ${cardMargin.y - 12}px`,
            background: 'rgba(16, 16, 20, 0.82)',
          }}
        >
          {headline(content.headline, fit, colors.white)}
          <div
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              fontSize: 26,
              color: '#d8d8de',
            }}
          >
            <span>{`${content.siteName} · ${content.date}`}</span>
            <span>{photo.credit}</span>
          </div>
        </div>
      </div>
    );
  }
  const fit = headlineFit(content.headline, 340);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        width: cardSize.width,
        height: cardSize.height,
        padding: `${cardMargin.y}px ${cardMargin.x}px`,
        background: colors.paper,
        fontFamily,
      }}
    >
      {masthead(content.siteName, colors.accent)}
      {headline(content.headline, fit, colors.ink)}
      <div style={{ display: 'flex', fontSize: 28, color: colors.muted, lineHeight: 1.25 }}>{content.date}</div>
    </div>
  );
}

/** The site's card, for the home page and the lists of a script. */
export function siteCardElement(content: SiteCardContent): ReactElement {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        gap: 40,
        width: cardSize.width,
        height: cardSize.height,
        padding: `${cardMargin.y}px ${cardMargin.x}px`,
        background: colors.paper,
        fontFamily,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 40 }}>
        {seal(168)}
        <span style={{ fontSize: 96, color: colors.ink, lineHeight: 1 }}>{content.siteName}</span>
      </div>
      <div style={{ display: 'flex', fontSize: 40, color: colors.muted }}>{content.description}</div>
    </div>
  );
}

/** Every text a card draws, for its font subset. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/**
 * The element tree as plain data (tag, props, children), for the cache key: a
 * change of text, colour, layout or photo changes the key, with no version
 * number to remember to bump.
 */
function describe(node: ReactNode): unknown {
  if (Array.isArray(node)) return node.map(describe);
  if (isValidElement<Record<string, unknown>>(node)) {
    const { children, ...props } = node.props;
    return [typeof node.type === 'string' ? node.type : 'component', props, describe(children as ReactNode)];
  }
  return typeof node === 'string' || typeof node === 'number' ? node : null;
}

// What else decides the pixels: the font file and next/og's satori and resvg, which come with Next.
const projectRequire = createRequire(path.join(/* turbopackIgnore: true */ process.cwd(), 'package.json'));
function rendererVersion(): string {
  const nextPackage: unknown = projectRequire('next/package.json');
  const version =
    typeof nextPackage === 'object' && nextPackage !== null && 'version' in nextPackage
      ? String(nextPackage.version)
      : 'unknown';
  return `next ${version}; ${cardFontFile} ${cardFontBytes().byteLength} bytes`;
}

/** Draws a card: a font subset of its characters, then next/og. */
async function drawCard(script: Script, element: ReactElement): Promise<Buffer> {
  // The ellipsis is drawn when a headline is cut.
  const font = await subsetCardFont(script, `${textOf(element)}…`);
  const response = new ImageResponse(element, {
    ...cardSize,
    fonts: [{ name: fontFamily, data: font, weight: 700, style: 'normal' }],
  });
  return Buffer.from(await response.arrayBuffer());
}

/** A card's PNG, from the cache when nothing it shows has changed. */
export async function renderCard(script: Script, element: ReactElement): Promise<CachedCard> {
  const key = cardKey(JSON.stringify([rendererVersion(), script, cardSize, describe(element)]));
  return cachedCard(key, () => drawCard(script, element));
}

/** Text a card can draw in a script: what the font lacks (emoji and the like) is left out. */
export function cardText(script: Script, text: string): string {
  return drawableText(script, text)
    .replace(/\p{Extended_Pictographic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A photo file as a data URL satori can draw, or undefined for a format it cannot (only PNG and JPEG are drawn). */
function photoDataUrl(file: string): string | undefined {
  const bytes = fs.readFileSync(/* turbopackIgnore: true */ file);
  const type = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    ? 'image/png'
    : bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))
      ? 'image/jpeg'
      : undefined;
  return type && `data:${type};base64,${bytes.toString('base64')}`;
}

/** What an article's card shows in a script. */
export function articleCardContent(article: Article, script: Script): ArticleCardContent {
  const labels = getLabels(script);
  const photo = findArticlePhoto(article);
  const dataUrl = photo && photoDataUrl(photo.file);
  return {
    script,
    headline: cardText(script, viewArticle(article, script).title),
    siteName: labels.siteName,
    date: formatChineseDate(article.date),
    ...(dataUrl === undefined || photo === undefined
      ? {}
      : {
          photo: {
            dataUrl,
            credit: cardText(
              script,
              fillLabel(labels.photoCredit, { credit: articleConverter(article, script)(photo.credit) }),
            ),
          },
        }),
  };
}

/** The PNG of an article's card in a script. */
export function articleCard(article: Article, script: Script): Promise<CachedCard> {
  return renderCard(script, articleCardElement(articleCardContent(article, script)));
}

/** The PNG of the site's card in a script. */
export function siteCard(script: Script): Promise<CachedCard> {
  const labels = getLabels(script);
  return renderCard(
    script,
    siteCardElement({ script, siteName: labels.siteName, description: cardText(script, labels.siteDescription) }),
  );
}

/** A card as the answer of its route: the PNG, typed as such. */
export function cardResponse(card: CachedCard): Response {
  return new Response(new Uint8Array(card.png), { headers: { 'Content-Type': 'image/png' } });
}
