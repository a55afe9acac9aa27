import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { imageSize } from 'image-size';
import { lineIndexOf, type Article } from '../articles';
import type { ContentProblem } from '../content';
import { renderMarkdown } from '../markdown';

/**
 * Photos in articles: files in public/, each inside a <figure> with alt text,
 * a caption and a credit, and with its width and height so the page does not
 * shift while it loads. Checked by `npm run check` and by the build.
 */

const { findAll, getAttributeValue, textContent } = DomUtils;
type Element = ReturnType<typeof findAll>[number];

const defaultPublicDir = path.join(process.cwd(), 'public');

const figureExample =
  '<figure><img src="/images/…" alt="…" width="…" height="…"><figcaption>说明<span class="credit">来源</span></figcaption></figure>';

function closestFigure(element: Element): Element | undefined {
  for (let node = element.parent; node; node = node.parent) {
    if (node.type === 'tag' && node.name === 'figure') return node;
  }
  return undefined;
}

/** Everything wrong with the photos of one article, each with its file line. */
export function findImageProblems(article: Article, publicDir: string = defaultPublicDir): ContentProblem[] {
  const html = renderMarkdown(article.body);
  const images = findAll((node) => node.name === 'img', parseDocument(html).children);
  return images.flatMap((image): ContentProblem[] => {
    const src = getAttributeValue(image, 'src');
    const where = { file: article.file, line: article.bodyLine + lineIndexOf(article.body, src ?? '<img') };
    const problem = (message: string): ContentProblem => ({ ...where, field: `body image ${src ?? ''}`.trim(), message });
    const problems: ContentProblem[] = [];
    if (!src || !src.startsWith('/') || src.startsWith('//')) {
      return [problem('a photo must be a file in public/ (expected a site path such as /images/photo.jpg)')];
    }
    const file = path.join(publicDir, decodeURIComponent(src.split(/[?#]/)[0] ?? ''));
    if (!file.startsWith(publicDir + path.sep) || !fs.existsSync(file)) {
      return [problem(`no such file public${src} (expected the photo to be saved under public/)`)];
    }
    if (!getAttributeValue(image, 'alt')?.trim()) problems.push(problem('missing alt text (describe the photo for readers who cannot see it)'));
    let size: { width?: number; height?: number } = {};
    try {
      size = imageSize(fs.readFileSync(file));
    } catch {
      problems.push(problem('the file is not an image this site can read (expected JPEG, PNG, WebP, AVIF or GIF)'));
    }
    const width = getAttributeValue(image, 'width');
    const height = getAttributeValue(image, 'height');
    if (size.width && size.height && (width !== String(size.width) || height !== String(size.height))) {
      problems.push(problem(`width and height must be the file's size (expected width="${size.width}" height="${size.height}")`));
    }
    const figure = closestFigure(image);
    const caption = figure && findAll((node) => node.name === 'figcaption', figure.children)[0];
    const credit = caption && findAll((node) => node.name === 'span' && getAttributeValue(node, 'class') === 'credit', caption.children)[0];
    if (!caption || !credit) {
      problems.push(problem(`a photo needs a caption and a credit (expected ${figureExample})`));
    } else {
      if (!textContent(credit).trim()) problems.push(problem('the credit is empty (expected who took or supplied the photo)'));
      if (!textContent(caption).replace(textContent(credit), '').trim()) problems.push(problem('the caption is empty (expected a sentence about the photo)'));
    }
    return problems;
  });
}
