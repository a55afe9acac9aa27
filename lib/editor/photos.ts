import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { lineIndexOf, type Article } from '../articles';
import type { ContentProblem } from '../content';
import { attribute, closest, findElements, parseHtml, textOf } from '../html';
import { renderMarkdown } from '../markdown';
import { memo } from '../memo';

/**
 * Photos in articles: files in public/, each inside a <figure> with alt text,
 * a caption and a credit, and with its width and height so the page does not
 * shift while it loads. Checked by `npm run check` and by the build.
 */

const defaultPublicDir = path.join(process.cwd(), 'public');

const figureExample =
  '<figure><img src="/images/…" alt="…" width="…" height="…"><figcaption>说明<span class="credit">来源</span></figcaption></figure>';

/**
 * Everything wrong with the photos of one article, each with its file line.
 * Remembered per article and folder: `next dev` checks on every request, and an
 * article is a new object once its file changes. (A photo file added to public/
 * for an unchanged article shows on the article's next save.)
 */
export function findImageProblems(article: Article, publicDir: string = defaultPublicDir): readonly ContentProblem[] {
  return photoProblems(article, publicDir);
}

// An image is written `![…](…)` or `<img …>`: a body with neither has no photo to check, and is not rendered.
const mayHoldImage = /!\[|<img/i;

const photoProblems = memo('photo-problems', (article: Article, publicDir: string): readonly ContentProblem[] => {
  if (!mayHoldImage.test(article.body)) return [];
  const html = renderMarkdown(article.body);
  return findElements(parseHtml(html), 'img').flatMap((image): ContentProblem[] => {
    const src = attribute(image, 'src');
    const where = { file: article.file, line: article.bodyLine + lineIndexOf(article.body, src ?? '<img') };
    const problem = (message: string): ContentProblem => ({
      ...where,
      field: `body image ${src ?? ''}`.trim(),
      message,
    });
    const problems: ContentProblem[] = [];
    if (!src || !src.startsWith('/') || src.startsWith('//')) {
      return [problem('a photo must be a file in public/ (expected a site path such as /images/photo.jpg)')];
    }
    const file = photoFile(publicDir, src);
    if (!file) return [problem(`no such file public${src} (expected the photo to be saved under public/)`)];
    if (!attribute(image, 'alt')?.trim())
      problems.push(problem('missing alt text (describe the photo for readers who cannot see it)'));
    let size: { width?: number; height?: number } = {};
    try {
      size = imageSize(fs.readFileSync(/* turbopackIgnore: true */ file));
    } catch {
      problems.push(problem('the file is not an image this site can read (expected JPEG, PNG, WebP, AVIF or GIF)'));
    }
    const width = attribute(image, 'width');
    const height = attribute(image, 'height');
    if (size.width && size.height && (width !== String(size.width) || height !== String(size.height))) {
      problems.push(
        problem(`width and height must be the file's size (expected width="${size.width}" height="${size.height}")`),
      );
    }
    const figure = closest(image, 'figure');
    const caption = figure && findElements(figure, 'figcaption')[0];
    const credit = caption && findElements(caption, 'span').find((span) => attribute(span, 'class') === 'credit');
    if (!caption || !credit) {
      problems.push(problem(`a photo needs a caption and a credit (expected ${figureExample})`));
    } else {
      if (!textOf(credit).trim())
        problems.push(problem('the credit is empty (expected who took or supplied the photo)'));
      if (!textOf(caption).replace(textOf(credit), '').trim())
        problems.push(problem('the caption is empty (expected a sentence about the photo)'));
    }
    return problems;
  });
});

/** The file in public/ a site path names, or undefined when there is none (or the path leads out of public/). */
function photoFile(publicDir: string, src: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0] ?? '');
  } catch {
    // Not valid percent-encoding: no browser request would find a file either.
    return undefined;
  }
  try {
    // Real paths, so neither `..` nor a link in public/ leads to a file elsewhere.
    const root = fs.realpathSync(/* turbopackIgnore: true */ publicDir);
    const file = fs.realpathSync(path.join(/* turbopackIgnore: true */ publicDir, decoded));
    return file.startsWith(root + path.sep) && fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
