import type { Page } from '@playwright/test';

// What the hostile sites' pages must never hold, checked where it counts: in the browser's DOM.

/** Checks in the browser's own DOM, after its parser has had its say (mXSS shows only there). */
export async function unsafeMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const forbidden =
      'script:not([src]):not([id="_R_"]), iframe, frame, object, embed, form, input, button, base, meta[http-equiv], link:not([rel="stylesheet"]):not([rel="canonical"]):not([rel="alternate"]):not([rel="preload"]):not([rel="icon"]), svg, math, style, template, textarea, select, video, audio, source, picture, portal';
    for (const root of document.querySelectorAll('main, aside')) {
      for (const element of root.querySelectorAll('*')) {
        for (const attribute of element.getAttributeNames()) {
          if (
            /^on/i.test(attribute) ||
            ['style', 'srcset', 'formaction', 'xlink:href', 'srcdoc', 'ping'].includes(attribute.toLowerCase())
          ) {
            problems.push(`<${element.localName} ${attribute}>`);
          }
        }
      }
      for (const element of root.querySelectorAll(forbidden))
        problems.push(`<${element.localName}> in <${root.localName}>`);
      const parse = (value: string) => {
        try {
          return new URL(value, location.href);
        } catch {
          problems.push(`a URL the browser cannot parse: ${value}`);
          return undefined;
        }
      };
      for (const link of root.querySelectorAll('a[href]')) {
        const url = parse(link.getAttribute('href') ?? '');
        if (!url) continue;
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) problems.push(`link to ${url.href}`);
        if (
          url.origin !== location.origin &&
          url.protocol !== 'mailto:' &&
          !/\bnoopener\b/.test(link.getAttribute('rel') ?? '')
        ) {
          problems.push(`external link without noopener: ${url.href}`);
        }
      }
      for (const image of root.querySelectorAll('img[src]')) {
        const url = parse(image.getAttribute('src') ?? '');
        if (url && url.origin !== location.origin) problems.push(`image from ${url.href}`);
      }
    }
    for (const script of document.querySelectorAll('script[src]')) {
      const url = new URL(script.getAttribute('src') ?? '', location.href);
      if (url.origin !== location.origin || !url.pathname.startsWith('/_next/static/'))
        problems.push(`script from ${url.href}`);
    }
    for (const data of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        JSON.parse(data.textContent);
      } catch {
        problems.push('JSON-LD that does not parse');
      }
    }
    return problems;
  });
}
