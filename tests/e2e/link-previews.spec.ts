import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { structuredDataTestHtml } from 'structured-data-testing-tool';
import { Facebook, Google, Twitter } from 'structured-data-testing-tool/presets';
import { z } from 'zod';
import { absoluteUrl } from '../../lib/site';
import { articlePath, readerSite } from '../fixtures/sites/reader/expected';

// Link previews and news search, against `next start` and the static export of the reader site:
// the cards, the tags that name them, the publisher logo, the checker the issue names (sdtt).

const scripts = ['zh-hans', 'zh-hant'] as const;
const seed = readerSite.seedArticle;

/** What a page's head tells link previews. */
async function readPreviewTags(page: Page) {
  return page.evaluate(() => {
    const meta = (key: string) =>
      document.head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
    return {
      image: meta('og:image'),
      width: meta('og:image:width'),
      height: meta('og:image:height'),
      alt: meta('og:image:alt'),
      type: meta('og:image:type'),
      twitterCard: meta('twitter:card'),
      twitterImage: meta('twitter:image'),
      twitterAlt: meta('twitter:image:alt'),
      robots: meta('robots'),
    };
  });
}

/** A PNG answered at a URL of the site: its status, type, weight and size in pixels. */
async function fetchPng(request: APIRequestContext, url: string) {
  const response = await request.get(new URL(url).pathname);
  const body = await response.body();
  const png = PNG.sync.read(body);
  return { status: response.status(), type: response.headers()['content-type'], bytes: body.byteLength, png };
}

const jsonLd = z.looseObject({ '@type': z.string() });
const newsArticle = z.looseObject({
  image: z.array(z.string()),
  publisher: z.looseObject({ logo: z.looseObject({ '@type': z.literal('ImageObject'), url: z.string() }) }),
});

async function readNewsArticle(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const objects = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) =>
    jsonLd.parse(JSON.parse(match[1] ?? '')),
  );
  return newsArticle.parse(objects.find((object) => object['@type'] === 'NewsArticle'));
}

for (const script of scripts) {
  const path = articlePath(seed.slug, script);

  test(`the ${script} article names its own card, 1200 × 630, described by its headline, and lets the card show large`, async ({
    page,
  }) => {
    await page.goto(path);
    const tags = await readPreviewTags(page);
    const headline = await page.getByRole('heading', { level: 1 }).textContent();
    expect(tags).toEqual({
      image: absoluteUrl(`${path}/opengraph-image`),
      width: '1200',
      height: '630',
      alt: headline,
      type: 'image/png',
      twitterCard: 'summary_large_image',
      twitterImage: absoluteUrl(`${path}/opengraph-image`),
      twitterAlt: headline,
      robots: 'index, follow, max-image-preview:large',
    });
  });

  test(`the ${script} home page names the site's card`, async ({ page, request }) => {
    await page.goto(`/${script}`);
    const tags = await readPreviewTags(page);
    expect(tags.image).toBe(absoluteUrl(`/${script}/opengraph-image`));
    const card = await fetchPng(request, tags.image ?? '');
    expect([card.status, card.png.width, card.png.height]).toEqual([200, 1200, 630]);
  });

  test(`sdtt's Google, Twitter and Facebook presets pass on the ${script} article`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    const result = await structuredDataTestHtml(html, { presets: [Google, Twitter, Facebook] }).catch(
      (error: unknown) => {
        // A failed test rejects with the whole result, to be shown here.
        const failed = z
          .object({ res: z.object({ failed: z.array(z.looseObject({ test: z.string() })) }) })
          .safeParse(error);
        if (failed.success) return failed.data.res;
        throw error;
      },
    );
    expect(result.failed.map((failure) => failure.test)).toEqual([]);
  });

  test(`the ${script} NewsArticle shows the card and a publisher logo that answer as PNGs`, async ({
    page,
    request,
  }) => {
    const data = await readNewsArticle(request, path);
    await page.goto(path);
    expect(data.image[0]).toBe((await readPreviewTags(page)).image);
    const logo = await fetchPng(request, data.publisher.logo.url);
    expect([logo.status, logo.png.width, logo.png.height]).toEqual([200, 512, 512]);
  });
}

test('every published article has a card in each script: a PNG of 1200 × 630 under 100 KB', async ({
  page,
  request,
}) => {
  for (const article of readerSite.published) {
    for (const script of scripts) {
      await page.goto(articlePath(article.slug, script));
      const card = await fetchPng(request, (await readPreviewTags(page)).image ?? '');
      expect([card.status, card.type, card.png.width, card.png.height], `${article.slug} ${script}`).toEqual([
        200,
        'image/png',
        1200,
        630,
      ]);
      expect(card.bytes).toBeLessThanOrEqual(100 * 1024);
    }
  }
});

test('the Simplified and the Traditional cards of one article differ', async ({ request }) => {
  const [hans, hant] = await Promise.all(
    scripts.map((script) => fetchPng(request, absoluteUrl(`${articlePath(seed.slug, script)}/opengraph-image`))),
  );
  expect(Buffer.compare(hans?.png.data ?? Buffer.alloc(0), hant?.png.data ?? Buffer.alloc(0))).not.toBe(0);
});

test('a card the build did not draw is a 404, never drawn on demand', async ({ request }) => {
  expect((await request.get('/zh-hans/articles/no-such-article/opengraph-image')).status()).toBe(404);
});

test('an article page fetches no font file and no conversion dictionary', async ({ page }) => {
  const fetched: { readonly url: string; readonly type: string; readonly body: string }[] = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    fetched.push({ url: response.url(), type, body: type.includes('javascript') ? await response.text() : '' });
  });
  for (const script of scripts) await page.goto(articlePath(seed.slug, script));
  await page.waitForLoadState('networkidle');
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter((file) => /font|\.(ttc|otf|ttf|woff2?)(\?|$)/.test(`${file.type} ${file.url}`))).toEqual([]);
  // Entries of opencc-js's phrase dictionary and its loader.
  expect(
    fetched.filter((file) => file.body.includes('一擲千金') || file.body.includes('Invalid dictionary entry')),
  ).toEqual([]);
});
