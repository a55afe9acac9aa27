import { describe, expect, it } from 'vitest';
import { findArticleImage, parseArticle } from '@/lib/articles';
import { renderMarkdown } from '@/lib/markdown';
import { absolutizeUrls, findImageSources } from '@/lib/sanitize';

const origin = new URL('https://news.example.com/zh-hans/articles/a');

describe('findImageSources', () => {
  it('lists the photos of an article body in order, entities decoded', () => {
    const html = renderMarkdown('![一](/images/a.jpg)\n\n文字\n\n<img src="/images/b.jpg?w=1&amp;h=2" alt="二">');
    expect(findImageSources(html)).toEqual(['/images/a.jpg', '/images/b.jpg?w=1&h=2']);
  });

  it('finds nothing in a body without photos', () => {
    expect(findImageSources(renderMarkdown('<figure class="caption-only"><figcaption>说明</figcaption></figure>'))).toEqual([]);
  });
});

describe('findArticleImage', () => {
  it('gives the absolute URL of the first photo, or nothing', () => {
    const file = (body: string) =>
      parseArticle('content/articles/a.md', `---\ntitle: 题\ndate: 2025-07-22\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n${body}\n`);
    expect(findArticleImage(file('![现场](/images/launch.jpg)\n\n![二](/images/2.jpg)'))).toBe('https://news.example.com/images/launch.jpg');
    expect(findArticleImage(file('只有文字。'))).toBeUndefined();
  });
});

describe('absolutizeUrls', () => {
  it('makes site links, fragments and image sources absolute and leaves other sites and mail alone', () => {
    const html = renderMarkdown(
      '[首页](/zh-hans) [注](#note) [外站](https://example.org/x) [信](mailto:a@example.org)\n\n![图](/images/a.jpg)',
    );
    expect(absolutizeUrls(html, origin)).toBe(
      '<p><a href="https://news.example.com/zh-hans">首页</a> <a href="https://news.example.com/zh-hans/articles/a#note">注</a> ' +
        '<a href="https://example.org/x" rel="noopener noreferrer">外站</a> <a href="mailto:a@example.org">信</a></p>\n' +
        '<p><img src="https://news.example.com/images/a.jpg" alt="图" /></p>\n',
    );
  });

  it('keeps the sanitizer’s policy while it rewrites', () => {
    expect(absolutizeUrls('<p onclick="x()"><a href="javascript:alert(1)">链</a><script>1</script></p>', origin)).toBe('<p><a>链</a></p>');
  });
});
