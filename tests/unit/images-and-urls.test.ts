import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { findArticleImage } from '@/lib/article-view';
import { renderMarkdown } from '@/lib/markdown';
import { findImageProblems } from '@/lib/editor/photos';
import { imageSources } from '@/lib/html';

const origin = new URL('https://news.example.com/zh-hans/articles/a');

describe('imageSources', () => {
  it('lists the photos of an article body in order, entities decoded', () => {
    const html = renderMarkdown('![一](/images/a.jpg)\n\n文字\n\n<img src="/images/b.jpg?w=1&amp;h=2" alt="二">');
    expect(imageSources(html)).toEqual(['/images/a.jpg', '/images/b.jpg?w=1&h=2']);
  });

  it('finds nothing in a body without photos', () => {
    expect(imageSources(renderMarkdown('<figure class="caption-only"><figcaption>说明</figcaption></figure>'))).toEqual(
      [],
    );
  });
});

describe('findArticleImage', () => {
  it('gives the absolute URL of the first photo, or nothing', () => {
    const file = (body: string) =>
      parseArticle(
        'content/articles/a.md',
        `---\ntitle: 题\ndate: 2025-07-22\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n${body}\n`,
      );
    expect(findArticleImage(file('![现场](/images/launch.jpg)\n\n![二](/images/2.jpg)'))).toBe(
      'https://news.example.com/images/launch.jpg',
    );
    expect(findArticleImage(file('只有文字。'))).toBeUndefined();
  });
});

describe('renderMarkdown with a link base, for feeds', () => {
  it('makes site links, fragments and image sources absolute and leaves other sites and mail alone', () => {
    const html = renderMarkdown(
      '[首页](/zh-hans) [注](#note) [外站](https://example.org/x) [信](mailto:a@example.org)\n\n![图](/images/a.jpg)',
      undefined,
      { linkBase: origin },
    );
    expect(html).toBe(
      '<p><a href="https://news.example.com/zh-hans">首页</a> <a href="https://news.example.com/zh-hans/articles/a#note">注</a> ' +
        '<a href="https://example.org/x" rel="noopener noreferrer">外站</a> <a href="mailto:a@example.org">信</a></p>\n' +
        '<p><img src="https://news.example.com/images/a.jpg" alt="图" /></p>\n',
    );
  });

  it('keeps the sanitizer’s policy while it rewrites', () => {
    expect(
      renderMarkdown('<p onclick="x()"><a href="javascript:alert(1)">链</a><script>1</script></p>', undefined, {
        linkBase: origin,
      }),
    ).toBe('<p><a>链</a></p>');
  });
});

describe('the photo rules', () => {
  const article = (body: string) =>
    parseArticle(
      'content/articles/a.md',
      `---\ntitle: 题\ndate: 2025-07-22\nauthor: 甲\nsource: 乙\nsummary: 摘要。\nscript: zh-hans\n---\n\n${body}\n`,
    );

  it('report a photo path that is not valid percent-encoding as a problem, not a crash', () => {
    const problems = findImageProblems(article('![坏](/images/%E0.jpg)'), 'tests/fixtures/malformed/public');
    expect(problems.map((problem) => problem.message)).toEqual([
      'a photo must be a file in public/ (expected a site path such as /images/photo.jpg)',
    ]);
  });

  it('never reach a file outside public/ through ..', () => {
    const problems = findImageProblems(article('![外](/../package.json)'), 'tests/fixtures/malformed/public');
    expect(problems.map((problem) => problem.message)).toEqual([
      'no such file public/../package.json (expected the photo to be saved under public/)',
    ]);
  });
});
