// The framework floor: a bare Next.js App Router app with an article's text as
// plain paragraphs (no sidebar, no conversion, no client component), built by
// the bench with the project's own next and react. Its weight, speed and build
// cost are what Next.js costs by itself; the site is measured against it.
import fs from 'node:fs';
import path from 'node:path';

/** An article as plain text. */
export interface ArticleText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** Title and paragraphs of a markdown article, as plain text (markup stripped). */
export function articleText(markdownFile: string): ArticleText {
  const source = fs.readFileSync(markdownFile, 'utf8').replace(/\r\n?/g, '\n');
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const title = (/^title:\s*(.+)$/m.exec(frontmatter)?.[1] ?? '').replace(/^["']|["']$/g, '');
  const paragraphs = body
    .split(/\n{2,}/)
    .map((block) =>
      block
        .replace(/<[^>]+>/g, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`#>]|\{\{|\}\}/g, '')
        .replace(/\s*\n\s*/g, '')
        .trim(),
    )
    .filter(Boolean);
  return { title, paragraphs };
}

/** The floor's only route: /p/<n>. */
export const floorPagePath = (n: number): string => `/p/${n}`;

/**
 * Writes the floor app into `dir`: `pages` prerendered pages at /p/<n>, each the
 * same title and paragraphs. `dir` must sit inside the project, so the app
 * resolves the project's node_modules (Turbopack refuses a linked one).
 */
export function writeFloorApp(
  dir: string,
  { title, paragraphs, pages, lang = 'zh-Hant' }: ArticleText & { readonly pages: number; readonly lang?: string },
): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'app', 'p', '[n]'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, name: 'framework-floor' }));
  // As many prerender workers as the site (next.config.ts uses every core): the per-page figures compare one build's work with another's, not their parallelism.
  fs.writeFileSync(
    path.join(dir, 'next.config.mjs'),
    "import os from 'node:os';\nexport default { poweredByHeader: false, reactStrictMode: true, experimental: { cpus: Math.max(1, os.availableParallelism()) } };\n",
  );
  fs.writeFileSync(path.join(dir, 'article.json'), JSON.stringify({ title, paragraphs, pages }));
  fs.writeFileSync(
    path.join(dir, 'app', 'layout.js'),
    `export default function RootLayout({ children }) {
  return (
    <html lang=${JSON.stringify(lang)}>
      <body>{children}</body>
    </html>
  );
}
`,
  );
  fs.writeFileSync(
    path.join(dir, 'app', 'p', '[n]', 'page.js'),
    `import article from '../../../article.json';

export const dynamicParams = false;

export function generateStaticParams() {
  return Array.from({ length: article.pages }, (_, n) => ({ n: String(n) }));
}

export const metadata = { title: article.title };

export default function Page() {
  return (
    <article>
      <h1>{article.title}</h1>
      {article.paragraphs.map((text, index) => (
        <p key={index}>{text}</p>
      ))}
    </article>
  );
}
`,
  );
}
