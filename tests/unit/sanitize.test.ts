import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';
import { visibleText } from '@/lib/html';

describe('renderMarkdown', () => {
  it('turns CommonMark into HTML, with emphasis next to CJK punctuation', () => {
    expect(renderMarkdown('**粗体。**后文')).toBe('<p><strong>粗体。</strong>后文</p>\n');
  });

  it('strips scripts, event handlers, inline styles and frames from raw HTML', () => {
    const html = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '',
        '<p onclick="alert(2)" style="color:red">文字<img src="/a.png" onerror="alert(3)"></p>',
        '',
        '<iframe src="https://evil.example/"></iframe><object data="x"></object><svg><script>alert(4)</script></svg>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onclick|onerror|style=|<iframe|<object|<svg|alert\(/);
    expect(html).toContain('<p>文字<img src="/a.png" /></p>');
  });

  it('refuses javascript:, data: and protocol-relative links', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) <a href="jAvAsCrIpT&colon;alert(1)">b</a> <a href="data:text/html,x">c</a> <a href="//evil.example/">d</a>',
    );
    expect(html).not.toMatch(/href=/);
    expect(html).toContain('<a>b</a> <a>c</a> <a>d</a>');
  });

  it('keeps http, https, mailto and site links, and marks external ones noopener noreferrer', () => {
    const html = renderMarkdown(
      '[站内](/zh-hans/articles/a) [站外](https://example.com/) [信](mailto:desk@example.com)',
    );
    expect(html).toContain('<a href="/zh-hans/articles/a">站内</a>');
    expect(html).toContain('<a href="https://example.com/" rel="noopener noreferrer">站外</a>');
    expect(html).toContain('<a href="mailto:desk@example.com">信</a>');
  });

  it('drops an editor-written rel that would reopen window.opener', () => {
    expect(renderMarkdown('<a href="https://example.com/" rel="opener">x</a>')).toContain('rel="noopener noreferrer"');
  });

  it('loads images only over https or from the site itself', () => {
    expect(renderMarkdown('![照片](http://tracker.example/p.gif)')).not.toContain('tracker.example');
    expect(renderMarkdown('![照片](/images/p.jpg)')).toContain('<img src="/images/p.jpg" alt="照片" />');
  });

  it('refuses links that hide a scheme or a host from a filter but not from a browser', () => {
    for (const href of [
      'java&#x09;script:alert(1)',
      '&#x01;javascript:alert(1)',
      '/\\evil.example/',
      '\\\\evil.example/',
      '/&#x09;/evil.example/',
    ]) {
      expect(renderMarkdown(`<a href="${href}">x</a>`), href).toBe('<p><a>x</a></p>\n');
    }
  });

  it('refuses a site link whose decoded path would redirect to another host', () => {
    for (const markdown of [
      '[x](/\\evil.example/)',
      '[x](/%5Cevil.example/)',
      '[x](/%5c%5cevil.example/)',
      '[x](/%2F/evil.example/)',
      '[x](/%09/evil.example/)',
      '[x](https://news.example.com/%5Cevil.example/)',
    ]) {
      expect(renderMarkdown(markdown), markdown).toBe('<p><a>x</a></p>\n');
    }
    expect(renderMarkdown('![x](/%5Cevil.example/p.gif)')).toBe('<p><img alt="x" /></p>\n');
    // A backslash or an encoded slash further on is only part of the path.
    expect(renderMarkdown('[x](/zh-hans/a%2Fb)')).toBe('<p><a href="/zh-hans/a%2Fb">x</a></p>\n');
  });

  it('refuses a URL that is a site path over https but another host over http', () => {
    expect(renderMarkdown('[a](https:evil.example) ![b](https:evil.example/p.gif)')).toBe(
      '<p><a>a</a> <img alt="b" /></p>\n',
    );
  });

  it('keeps a foreign image out but its alt text in', () => {
    expect(renderMarkdown('![记者会现场](https://images.example/p.jpg)')).toBe('<p><img alt="记者会现场" /></p>\n');
  });

  it('demotes a heading 1 in the body, so the page keeps a single h1', () => {
    expect(renderMarkdown('# 小标题')).toBe('<h2>小标题</h2>\n');
  });

  it('keeps a caption-only figure with its credit marked apart', () => {
    const html = renderMarkdown(
      '<figure class="caption-only">\n<figcaption>记者会。<span class="credit">视觉中国</span></figcaption>\n</figure>',
    );
    expect(html).toBe(
      '<figure class="caption-only">\n<figcaption>记者会。<span class="credit">视觉中国</span></figcaption>\n</figure>',
    );
  });
});

describe('visibleText', () => {
  it('keeps the visible text of rendered markdown, captions included, and drops tags and link targets', () => {
    const text = visibleText(
      renderMarkdown(
        '据[《华尔街日报》](https://www.wsj.com/a?b=1&c=2)报道。\n\n<figure class="caption-only"><figcaption>图说<span class="credit">视觉中国</span></figcaption></figure>',
      ),
    );
    expect(text.replace(/\s+/g, ' ').trim()).toBe('据《华尔街日报》报道。 图说视觉中国');
    expect(text).not.toContain('wsj');
  });

  it('keeps a word whole across inline tags and apart across blocks', () => {
    expect(visibleText(renderMarkdown('Open*AI*\n\n- Soft\n- Bank'))).toMatch(/^\s*OpenAI\s+Soft\s+Bank\s*$/);
  });

  it('gives back the characters the sanitizer escaped', () => {
    expect(visibleText(renderMarkdown('AT&T 说 "1 < 2"'))).toContain('AT&T 说 "1 < 2"');
  });
});
