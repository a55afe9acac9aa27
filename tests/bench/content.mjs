// Generated sites for the build-scaling runs: the project's article copied N
// times under new slugs and dates, beside the project's headlines and
// conversion tables, so every page does the work a real page does.
import fs from 'node:fs';
import path from 'node:path';

const day = 24 * 60 * 60 * 1000;

/** Writes a content folder with `count` articles made from `articleFile`; returns the folder. */
export function writeGeneratedContent(dir, { projectContent, articleFile, count }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const name of ['headlines.yaml', 'conversions.yaml']) {
    const file = path.join(projectContent, name);
    if (fs.existsSync(file)) fs.copyFileSync(file, path.join(dir, name));
  }
  const source = fs.readFileSync(articleFile, 'utf8');
  const original = path.basename(articleFile, '.md');
  const published = Date.parse('2025-07-23T00:00:00Z');
  for (let index = 0; index < count; index += 1) {
    // The first copy keeps its slug: the headlines file links to it.
    const slug = index === 0 ? original : `${original}-${index}`;
    // Older by one day each, so every copy is published and the list has an order.
    const date = new Date(published - index * day).toISOString().slice(0, 10);
    const text = source.replace(/^date:.*$/m, `date: ${date}`).replace(/^title:\s*(.*)$/m, (_line, title) => `title: ${title} ${index + 1}`);
    fs.writeFileSync(path.join(dir, 'articles', `${slug}.md`), text);
  }
  return dir;
}
