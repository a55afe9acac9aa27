// npm run import -- FILE --slug my-slug: a scraped page becomes a draft article and the sidebar's headlines.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentPath, displayPath, readTextFile } from '@/lib/content';
import { parseContentDate } from '@/lib/dates';
import { inferDate, parseScrapedPage, renderImportedArticle, renderImportedHeadlines } from '@/lib/editor/importer';
import { checkNewArticle, detectScript } from '@/lib/editor/scaffold';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: 'string' },
    date: { type: 'string' },
    force: { type: 'boolean', default: false },
    'no-headlines': { type: 'boolean', default: false },
  },
});

const source = positionals[0];
const problems = checkNewArticle(values.slug, 'given');
if (!source) problems.unshift('the scraped file is required: npm run import -- FILE --slug my-slug');
else if (!fs.existsSync(source)) problems.unshift(`no such file: ${source}`);
if (values.date !== undefined && !parseContentDate(values.date))
  problems.push(`--date "${values.date}" is not a date (expected YYYY-MM-DD)`);
if (problems.length > 0 || !source || !values.slug) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}

const page = parseScrapedPage(readTextFile(path.resolve(source)));
const date = values.date ?? inferDate(page);
if (!date) {
  console.error('The page gives no date and its headline lists carry none: pass --date YYYY-MM-DD.');
  process.exit(2);
}

const articleFile = contentPath('articles', `${values.slug}.md`);
const headlinesFile = contentPath('headlines.yaml');
const targets = values['no-headlines'] ? [articleFile] : [articleFile, headlinesFile];
const existing = targets.filter((file) => fs.existsSync(file));
if (existing.length > 0 && !values.force) {
  for (const file of existing)
    console.error(
      `${displayPath(file)} already exists; pass --force to overwrite it${file === headlinesFile ? ', or --no-headlines to leave it' : ''}.`,
    );
  process.exit(1);
}

const article = renderImportedArticle(page, { date });
const script = detectScript(page.blocks.map((block) => block.text).join('')) ?? 'zh-hant';
fs.mkdirSync(path.dirname(articleFile), { recursive: true });
fs.writeFileSync(articleFile, article);
console.log(
  `Wrote ${displayPath(articleFile)}: ${page.blocks.filter((b) => b.kind === 'paragraph').length} paragraphs, ${page.blocks.filter((b) => b.kind === 'caption').length} caption(s), a draft in ${script}.`,
);
if (!values['no-headlines']) {
  fs.writeFileSync(headlinesFile, renderImportedHeadlines(page, script));
  console.log(
    `Wrote ${displayPath(headlinesFile)}: ${page.related.items.length} related and ${page.hot.items.length} hot headlines.`,
  );
}

console.log(
  `Found: headline ${page.title ? '✓' : '✗'}, author ${page.author ?? '✗'}, source ${page.source ?? '✗'}, editor ${page.editor ?? '✗'}, copyright ${page.copyright ? '✓' : '✗'}.`,
);
if (!values.date) console.log(`Date ${date} was taken from the related headlines; pass --date to set another.`);
const byKind = (kind: string) => page.repairs.filter((repair) => repair.kind === kind);
console.log(
  `Repaired: ${byKind('pinyin').length} pinyin annotation(s), ${byKind('mojibake').length} line(s) of quote mojibake, ${byKind('punctuation').length} line(s) of half-width punctuation.`,
);
for (const repair of byKind('mojibake')) console.log(`  line ${repair.line}: ${repair.detail}`);
for (const line of page.unrepaired) console.log(`Could not repair line ${line.line}: ${line.text}`);
for (const line of page.unplaced) console.log(`Could not place line ${line.line}: ${line.text}`);
console.log(
  'Write the summary (marked 【待填】), check it with `npm run check`, then remove `draft: true` to publish.',
);
