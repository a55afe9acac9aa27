import { type Article } from './articles';
import { renderArticleBody, viewArticle } from './article-view';
import { toBeijingIso } from './dates';
import { getLabels } from './labels';
import { getScriptInfo, type Script } from './script';
import { absoluteUrl } from './site';
import { articlePath, feedPath, homePath } from './paths';

/**
 * The Atom feed of each script (RFC 4287): the newest articles with their
 * full sanitized body, converted like the pages, every URL absolute because
 * feed readers show the body away from the site.
 */

/** A feed carries the newest articles only; readers poll it often and the whole archive would weigh megabytes. */
export const feedSize = 50;

// XML 1.0 allows no C0 controls but tab and newlines, no lone surrogates, and not U+FFFE/U+FFFF.
const notXmlChar =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML content and attribute values, dropping characters XML cannot carry.
 * @example escapeXml('A & "B" <c>') // => 'A &amp; &quot;B&quot; &lt;c&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(notXmlChar, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes text for HTML, for the few lines the feed adds to an article's body. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function entry(article: Article, script: Script): string {
  const view = viewArticle(article, script);
  const labels = getLabels(script);
  const url = absoluteUrl(articlePath(script, article.slug));
  const body = renderArticleBody(article, script, new URL(url));
  // The page shows the source beside the byline; a feed reader shows only the body, so it carries the attribution.
  const attribution = `<p>${escapeHtml(`${labels.source}：${view.source}`)}</p>`;
  const lines = [
    element('id', url),
    element('title', view.title),
    `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    element('published', toBeijingIso(article.date.instant)),
    element('updated', toBeijingIso((article.updated ?? article.date).instant)),
    `<author>${element('name', view.author)}</author>`,
    ...view.topics.map((topic) => `<category term="${escapeXml(topic)}"/>`),
    element('summary', view.summary),
    element('content', body + attribution, ' type="html"'),
    ...(view.copyright === undefined ? [] : [element('rights', view.copyright)]),
  ];
  return `<entry>\n${lines.map((line) => `  ${line}\n`).join('')}</entry>\n`;
}

/**
 * Renders the Atom feed of a script from published articles, newest first.
 * `now` dates a feed that has no article yet (Atom requires an `updated`).
 */
export function renderFeed(articles: readonly Article[], script: Script, now = new Date()): string {
  const labels = getLabels(script);
  const newest = articles.slice(0, feedSize);
  const updated = newest.reduce<Date | undefined>((latest, article) => {
    const changed = (article.updated ?? article.date).instant;
    return latest === undefined || changed > latest ? changed : latest;
  }, undefined);
  const head = [
    element('id', absoluteUrl(homePath(script))),
    element('title', labels.siteName),
    element('subtitle', labels.siteDescription),
    element('updated', toBeijingIso(updated ?? now)),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(feedPath(script)))}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(homePath(script)))}"/>`,
  ];
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${getScriptInfo(script).lang}">\n` +
    head.map((line) => `${line}\n`).join('') +
    newest.map((article) => entry(article, script)).join('') +
    '</feed>\n'
  );
}
