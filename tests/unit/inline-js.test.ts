import { describe, expect, it } from 'vitest';
import { auditInlineJs, hashSource, isNextInlineJs, returningReaderJs } from '@/lib/security/inline-js';

// The shapes of the inline JS Next.js 16 writes into a prerendered page, as in a real build.
const flightStart = '(self.__next_f=self.__next_f||[]).push([0])';
const flightChunk = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n0:{\\"P\\":null}\\n"])';
const turbopack =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});';

function page(main: string, tail = '') {
  return [
    '<!DOCTYPE html><html lang="zh-Hans"><head><script src="/_next/static/chunks/a.js" async=""></script></head><body>',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    `<main id="main">${main}</main>`,
    `<script id="_R_">${turbopack}</script><script>${flightStart}</script><script>${flightChunk}</script>${tail}`,
    '</body></html>',
  ].join('');
}

describe('the inline scripts a page may carry', () => {
  it("hashes Next.js's own scripts and nothing else on a clean page", () => {
    const audit = auditInlineJs(page('<article><p>正文</p></article>'));
    expect(audit.foreign).toEqual([]);
    expect(audit.hashes).toEqual([hashSource(turbopack), hashSource(flightStart), hashSource(flightChunk)]);
  });

  it('refuses a script inside the content, even one shaped like the RSC payload', () => {
    const audit = auditInlineJs(page(`<p>我的<script>alert(1)</script>很好</p><script>${flightChunk}</script>`));
    expect(audit.foreign).toEqual(['alert(1)', flightChunk]);
    expect(audit.hashes).not.toContain(hashSource('alert(1)'));
  });

  it('refuses code appended to a payload chunk at the end of the body', () => {
    const tampered = 'self.__next_f.push([1,"x"]);alert(1)';
    expect(auditInlineJs(page('', `<script>${tampered}</script>`)).foreign).toEqual([tampered]);
  });

  it('allows the returning-reader forward of `/` wherever it stands', () => {
    expect(auditInlineJs(page(`<script>${returningReaderJs}</script>`)).foreign).toEqual([]);
  });

  it('leaves data blocks and external scripts alone', () => {
    const audit = auditInlineJs(
      '<body><script type="application/ld+json">{"x":"</p>"}</script><script src="/a.js"></script></body>',
    );
    expect(audit).toEqual({ hashes: [], foreign: [] });
  });

  it('recognises payload chunks only when their argument is pure data', () => {
    expect(isNextInlineJs(flightChunk)).toBe(true);
    expect(isNextInlineJs('self.__next_f.push([1,"a"].concat(alert(1)))')).toBe(false);
    expect(isNextInlineJs('self.__next_f.push([1,{"a":1}])')).toBe(false);
    expect(isNextInlineJs('(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":[alert(1)]})')).toBe(
      false,
    );
  });
});
