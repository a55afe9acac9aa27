// npm run new -- --slug my-slug --title "標題": writes a draft article and prints where it is and where it will be.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentPath, displayPath } from '@/lib/content';
import { checkNewArticle, detectScript, scaffoldArticle } from '@/lib/editor/scaffold';
import { isScript, scripts } from '@/lib/script';
import { site } from '@/lib/site';
import { articlePath } from '@/lib/paths';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string' },
    source: { type: 'string' },
    summary: { type: 'string' },
    script: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
  strict: true,
});

const problems = checkNewArticle(values.slug, values.title);
if (values.script !== undefined && !isScript(values.script))
  problems.push(`--script must be zh-hans or zh-hant, not "${values.script}"`);
if (problems.length > 0 || !values.slug || !values.title) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}

const file = contentPath('articles', `${values.slug}.md`);
if (fs.existsSync(file) && !values.force) {
  console.error(`${displayPath(file)} already exists; pass --force to overwrite it.`);
  process.exit(1);
}

const script = isScript(values.script) ? values.script : (detectScript(values.title) ?? site.defaultScript);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, scaffoldArticle({ ...values, slug: values.slug, title: values.title, script, now: new Date() }));

console.log(`Wrote ${displayPath(file)} (a draft in ${script}).`);
for (const each of scripts) console.log(`  ${new URL(articlePath(each, values.slug), site.baseUrl).href}`);
console.log('Fill in the fields marked 【待填】, see it with `npm run dev`, then remove `draft: true` to publish.');
