import { describe, expect, it } from 'vitest';
import { stripFrameworkJs } from '@/lib/export-transform';
import { findElements, parseHtmlWithOffsets, withoutElements } from '@/lib/html';

// A built page as Next.js 16 writes it (the shapes of a real build, shortened): the runtime's
// scripts and preloads around the page's own markup, JSON-LD and the stylesheet.
const turbopack =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/w.js"],"runtimeModuleIds":[94553]});';
const flightStart = '(self.__next_f=self.__next_f||[]).push([0])';
const flightChunk = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n0:{\\"P\\":null}\\n"])';

const head = '<meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/s.css" data-precedence="next"/>';
const headRuntime = [
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
].join('');
const polyfills = '<script src="/_next/static/chunks/p.js" noModule=""></script>';
const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"软件 \\u003c/script>"}</script>';
const content =
  '<div hidden=""><!--$--><!--/$--></div><main id="main"><h1>星际之门 🚀 𠮷</h1><p>正文 &amp; <a href="/zh-hant">繁</a></p></main>';
const bodyRuntime = `<script id="_R_">${turbopack}</script><script src="/_next/static/chunks/w.js" async=""></script><script>${flightStart}</script><script>${flightChunk}</script>`;

function builtPage(main = content): string {
  return `<!DOCTYPE html><html lang="zh-Hans"><head>${head}${headRuntime}${polyfills}</head><body>${jsonLd}${main}${bodyRuntime}</body></html>`;
}
const cleanPage = `<!DOCTYPE html><html lang="zh-Hans"><head>${head}</head><body>${jsonLd}${content}</body></html>`;

describe('the export without Next.js’s client runtime', () => {
  it('cuts out the runtime’s scripts, payload and script preloads and leaves every other byte as it was', () => {
    expect(stripFrameworkJs(builtPage())).toEqual({ html: cleanPage, siteScripts: [], unknown: [] });
  });

  it('leaves a page without the runtime as it is', () => {
    expect(stripFrameworkJs(cleanPage)).toEqual({ html: cleanPage, siteScripts: [], unknown: [] });
  });

  it('keeps the site’s own script files and names them, once each', () => {
    const script = '<script src="/returning-reader.js"></script>';
    const page = stripFrameworkJs(builtPage(`<main>${script}<a href="/zh-hans">简</a>${script}</main>`));
    expect(page.unknown).toEqual([]);
    expect(page.siteScripts).toEqual(['/returning-reader.js']);
    expect(page.html).toContain(`<main>${script}<a href="/zh-hans">简</a>${script}</main>`);
    expect(page.html).not.toContain('/_next/static/chunks/a.js');
  });

  it('refuses inline JS that Next.js did not write, wherever it stands', () => {
    const inContent = `<main><p>我的<script>alert(1)</script></p><script>${flightChunk}</script></main>`;
    const tampered = '<script>self.__next_f.push([1,"x"]);alert(1)</script>';
    const page = stripFrameworkJs(builtPage(inContent + tampered));
    expect(page.unknown).toEqual([
      'inline <script> that Next.js did not write: alert(1)',
      `inline <script> that Next.js did not write: ${flightChunk}`,
      'inline <script> that Next.js did not write: self.__next_f.push([1,"x"]);alert(1)',
    ]);
  });

  it('refuses scripts from another host, relative paths and files of Next.js’s that are not chunks', () => {
    const foreign = [
      '<script src="https://cdn.example/x.js"></script>',
      '<script src="//cdn.example/x.js"></script>',
      '<script src="x.js"></script>',
      '<script src="/_next/static/build/_buildManifest.js" defer=""></script>',
      '<link rel="modulepreload" href="https://cdn.example/m.js"/>',
    ];
    const page = stripFrameworkJs(builtPage(`<main>${foreign.join('')}</main>`));
    expect(page.unknown).toEqual([
      '<script src="https://cdn.example/x.js">: a script from outside the site\'s root paths',
      '<script src="//cdn.example/x.js">: a script from outside the site\'s root paths',
      '<script src="x.js">: a script from outside the site\'s root paths',
      '<script src="/_next/static/build/_buildManifest.js" defer>: a script of Next.js\'s that is not a chunk',
      '<link rel="modulepreload" href="https://cdn.example/m.js">: a script from outside the site\'s root paths',
    ]);
    expect(page.siteScripts).toEqual([]);
  });

  it('refuses script types it does not know, and keeps JSON-LD and other links', () => {
    const page = stripFrameworkJs(
      builtPage(
        '<main><script type="importmap">{}</script><script type="speculationrules">{}</script><link rel="preload" as="font" href="/f.woff2"/></main>',
      ),
    );
    expect(page.unknown).toEqual([
      '<script type="importmap">: a script type the export does not know',
      '<script type="speculationrules">: a script type the export does not know',
    ]);
    expect(page.html).toContain(jsonLd);
    expect(page.html).toContain('<link rel="preload" as="font" href="/f.woff2"/>');
  });
});

describe('cutting elements out of HTML', () => {
  it('cuts at the parser’s offsets, past characters outside the Basic Multilingual Plane', () => {
    const html = '<p>𠮷🚀<script>x</script>后<link rel="modulepreload" href="/m.js">文</p>';
    const document = parseHtmlWithOffsets(html);
    expect(withoutElements(html, [...findElements(document, 'script'), ...findElements(document, 'link')])).toBe(
      '<p>𠮷🚀后文</p>',
    );
  });

  it('refuses elements whose offsets do not hold them in the HTML given', () => {
    const [script] = findElements(parseHtmlWithOffsets('<script>x</script>'), 'script');
    expect(() => withoutElements('<p>another page</p>', script ? [script] : [])).toThrow(/offsets do not hold it/);
  });
});
