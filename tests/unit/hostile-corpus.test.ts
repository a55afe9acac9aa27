import { describe, expect, it } from 'vitest';
import { mergeOverrides } from '@/lib/conversions';
import { textConverter, type Overrides } from '@/lib/convert';
import { renderMarkdown } from '@/lib/markdown';
import { visibleText } from '@/lib/html';
import type { Script } from '@/lib/script';
import { site } from '@/lib/site';
import vectors from '../fixtures/hostile/vectors.json';

/**
 * Every vector of the hostile corpus through the article pipeline, plain and
 * converted to Traditional, then the output read back as a browser would:
 * only allowed tags and attributes, no handler, no foreign image, no
 * dangerous or protocol-relative link. The e2e tests prove the same in Chromium.
 */

const allowedAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  ol: ['start'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  span: ['class'],
  figure: ['class'],
};
// What the site allows, written out here apart from lib/sanitize.ts on purpose: a loosened
// sanitizer must fail this test, not carry its own expectation along. By kind, a line each.
// prettier-ignore
const allowedTags = new Set([
  'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
  'strong', 'em', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'q', 'cite', 'abbr',
  'code', 'pre', 'kbd', 'samp', 'var', 'sup', 'sub', 'span',
  'a', 'img', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'ruby', 'rt', 'rp',
]);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// A URL must mean the same on the site read over https and over http.
const pageUrls = ['https:', 'http:'].map((protocol) => new URL(`${protocol}//${site.baseUrl.host}/zh-hans/articles/x`));

/** Everything in the rendered HTML a browser could act on that the policy forbids. */
function violations(html: string): string[] {
  const found: string[] = [];
  for (const [, tag = '', attributeText = ''] of html.matchAll(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+="[^"]*")*)\s*\/?>/g,
  )) {
    const name = tag.toLowerCase();
    if (!allowedTags.has(name)) found.push(`tag <${name}>`);
    const attributes = new Map(
      [...attributeText.matchAll(/\s+([^\s=>]+)="([^"]*)"/g)].map(([, key = '', value = '']) => [
        key,
        decodeEntities(value),
      ]),
    );
    for (const [key, value] of attributes) {
      if (!(allowedAttributes[name] ?? []).includes(key) && key !== 'lang') found.push(`attribute ${key} on <${name}>`);
      if (key === 'href' || key === 'src') {
        if (/^[\u0000-\u0020]*[/\\][\u0000-\u0020]*[/\\]/.test(value)) found.push(`protocol-relative ${key} ${value}`);
        for (const pageUrl of pageUrls) {
          let url: URL;
          try {
            url = new URL(value, pageUrl);
          } catch {
            found.push(`${key} that does not parse on ${pageUrl.protocol} pages: ${value}`);
            continue;
          }
          const leaves = url.host !== site.baseUrl.host;
          if (key === 'src' && leaves) found.push(`image from ${url.href}`);
          if (key === 'href' && !['http:', 'https:', 'mailto:'].includes(url.protocol))
            found.push(`link to ${url.protocol}`);
          if (
            key === 'href' &&
            leaves &&
            /^https?:$/.test(url.protocol) &&
            attributes.get('rel') !== 'noopener noreferrer'
          ) {
            found.push(`external link without rel: ${value}`);
          }
        }
      }
    }
  }
  // Anything that looks like a tag but did not parse as one above must be escaped text.
  if (/<(?![a-zA-Z/])/.test(html.replace(/<\/[a-zA-Z][\w:-]*>/g, ''))) found.push('raw < in output');
  return found;
}

function placements(context: string, vector: string): string[] {
  if (context !== 'url') return [vector];
  return [
    `[链接](${vector})`,
    `[链接](<${vector}>)`,
    `![图片](${vector})`,
    `<a href="${vector}">链接</a>`,
    `<img src="${vector}" alt="图">`,
    `[参考][r]\n\n[r]: ${vector}`,
    `<${vector}>`,
  ];
}

const toTraditional = textConverter('zh-hans', 'zh-hant');

describe('the hostile corpus through renderMarkdown', () => {
  it('holds several hundred vectors, each with the collection it came from', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(300);
    for (const { source, vector } of vectors) {
      expect(source.length).toBeGreaterThan(0);
      expect(vector.length).toBeGreaterThan(0);
    }
  });

  it.each(vectors.map((entry, index) => [index + 1, entry.source, entry.context, entry.vector] as const))(
    'vector %i (%s, %s) renders with nothing the policy forbids',
    (_index, _source, context, vector) => {
      for (const markdown of placements(context, vector)) {
        expect(violations(renderMarkdown(markdown)), markdown).toEqual([]);
        expect(violations(renderMarkdown(markdown, toTraditional)), markdown).toEqual([]);
      }
    },
  );
});

/**
 * Override tables are editors' text too: a value is converted text, never markup,
 * whichever table it comes from, wherever the word stands and whichever way it converts.
 */
describe('the override vectors as conversion results', () => {
  const overrideVectors = vectors.filter((entry) => entry.context === 'override').map((entry) => entry.vector);
  const directions: readonly { from: Script; to: Script; word: string }[] = [
    { from: 'zh-hans', to: 'zh-hant', word: '软件' },
    { from: 'zh-hant', to: 'zh-hans', word: '軟件' },
  ];
  const tables: Readonly<Record<string, (table: Overrides) => Overrides>> = {
    "the article's own table": (table) => mergeOverrides({}, table),
    'the site-wide table': (table) => mergeOverrides(table, {}),
  };
  const places = (word: string): Readonly<Record<string, string>> => ({
    paragraph: `我的${word}很好。`,
    caption: `<figure class="caption-only"><figcaption>${word}说明<span class="credit">${word}</span></figcaption></figure>`,
    'link text': `[${word}](/zh-hans)`,
    heading: `## ${word}`,
    'table cell': `| ${word} |\n| --- |\n| ${word} |`,
  });

  it('holds the breakouts a held-out run found', () => {
    expect(overrideVectors).toContain('<script>alert(1)</script>');
    expect(overrideVectors.length).toBeGreaterThanOrEqual(10);
  });

  for (const { from, to, word } of directions) {
    for (const [tableName, asTable] of Object.entries(tables)) {
      it.each(overrideVectors)(`shows %s as text when ${tableName} converts ${from} to ${to}`, (vector) => {
        const convert = textConverter(from, to, asTable({ [word]: vector }));
        for (const [place, markdown] of Object.entries(places(word))) {
          const html = renderMarkdown(markdown, convert);
          expect(violations(html), `${place}: ${html}`).toEqual([]);
          expect(visibleText(html), place).toContain(vector);
        }
      });
    }
  }

  it('never turns escaped text back into markup through an entity override', () => {
    const convert = textConverter('zh-hans', 'zh-hant', { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&#60;': '<' });
    const html = renderMarkdown(
      '&lt;script&gt;alert(1)&lt;/script&gt; 与 &amp;lt;img src=x onerror=alert(1)&amp;gt;',
      convert,
    );
    expect(violations(html)).toEqual([]);
    expect(html).not.toMatch(/<(?:script|img)/);
    expect(visibleText(html)).toContain('<script>alert(1)</script>');
  });

  it('still converts alt and title text, escaped in the attribute', () => {
    const convert = textConverter('zh-hans', 'zh-hant', { 软件: '"><script>alert(1)</script>' });
    const html = renderMarkdown('<abbr title="软件">软件</abbr>', convert);
    expect(violations(html)).toEqual([]);
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('the corpus checker itself', () => {
  it('sees what it must refuse', () => {
    expect(violations('<p onclick="x()">a</p>')).toEqual(['attribute onclick on <p>']);
    expect(violations('<img src="https://evil.example/p.gif" />')).toContain('image from https://evil.example/p.gif');
    expect(violations('<a href="https:evil.example">x</a>')).toContain('external link without rel: https:evil.example');
    expect(violations('<a href="//evil.example/">x</a>')).toContain('protocol-relative href //evil.example/');
    expect(violations('<a href="jav&#x61;script:alert(1)">x</a>')).toContain('link to javascript:');
    expect(violations('<svg></svg>')).toEqual(['tag <svg>']);
  });
});
