import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Every kind of mistake an editor can make, one per file in tests/fixtures/malformed.
const fixture = path.resolve('tests/fixtures/malformed');
const at = (file: string) => `tests/fixtures/malformed/${file}`;

// Story.md and story.md can both exist only where file names keep their case (not macOS or Windows by default).
const caseSensitive = (() => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'case-'));
  fs.writeFileSync(path.join(probe, 'a'), '');
  const sensitive = !fs.existsSync(path.join(probe, 'A'));
  fs.rmSync(probe, { recursive: true, force: true });
  return sensitive;
})();

const expected: Record<string, readonly string[]> = {
  'articles/missing-fields.md': [':1 — title: required (expected text)', ':1 — author: required (expected text)'],
  'articles/wrong-types.md': [
    ':8 — draft: got string "yes" (expected true or false)',
    ':9 — topics: got string "人工智能" (expected a list)',
  ],
  'articles/impossible-date.md': [':3 — date: "2025-13-45" is not a date'],
  'articles/date-without-offset.md': [':3 — date: "2025-07-23T10:00:00" is not a date'],
  'articles/unknown-field.md': [':8 — titel: unknown field (did you mean `title`?)'],
  'articles/Not_A_Slug.md': [' — slug: file name "Not_A_Slug" is not a slug'],
  'articles/empty-body.md': [' — body: the article has no body'],
  'articles/unterminated-frontmatter.md': [':1 — unterminated frontmatter (expected a closing "---" line)'],
  'articles/no-frontmatter.md': [':1 — missing frontmatter'],
  'articles/bad-script.md': [':7 — script: expected zh-hans or zh-hant'],
  'articles/broken-yaml.md': [':5 — invalid YAML: Flow sequence'],
  'articles/placeholder-left.md': [':6 — summary: still holds the placeholder 【待填】'],
  'articles/too-long-summary.md': [':6 — summary: must be at most 300 characters'],
  'articles/gbk-encoded.md': [' — file is encoded as GBK, not UTF-8 (save it as UTF-8)'],
  'articles/big5-encoded.md': [' — file is encoded as Big5, not UTF-8 (save it as UTF-8)'],
  'articles/missing-photo.md': [':12 — body image /images/nowhere.jpg: no such file public/images/nowhere.jpg'],
  'articles/photo-without-caption.md': [
    ':12 — body image /images/pixel.png: missing alt text',
    ':12 — body image /images/pixel.png: width and height must be the file\'s size (expected width="2" height="2")',
    ':12 — body image /images/pixel.png: a photo needs a caption and a credit',
  ],
  'articles/oversized.md': [' — file is 600000 bytes (expected at most 524288)'],
  'articles/leak.md': [' — this entry is a link to a file outside the content folder (move the file into content/)'],
  'articles/passwd.md': [' — this entry is a link to a file outside the content folder (move the file into content/)'],
  'articles/loop.md': [' — this entry is a link that loops back on itself (replace the link with the file itself)'],
  'articles/gone.md': [
    ' — this entry is a link to a file that does not exist (delete the link, or restore the file it points to)',
  ],
  'articles/archive.md': [
    ' — this entry is a folder, not a file (give the folder a name that does not end in .md or .yaml)',
  ],
  'articles/duplicate-field.md': [':5 — title: duplicate field (each field once)'],
  'articles/alias-bomb.md': [
    ':9 — b.0: the document has too many YAML aliases (write each value out instead of repeating it with *name)',
  ],
  ...(caseSensitive
    ? {
        'articles/Story.md': [
          ' — file name differs from story.md only in case (rename one: macOS and Windows see them as one file)',
          ' — slug: file name "Story" is not a slug (expected lowercase ASCII letters, digits and single hyphens)',
        ],
      }
    : {}),
  'articles/yaml-tags.md': [
    ':2 — title: unknown YAML tag !!js/function (write plain text; tags are not allowed)',
    ':4 — updated: unknown YAML tag !!timestamp (write plain text; tags are not allowed)',
  ],
  'articles/control-characters.md': [
    ':2 — title: contains the control character U+0000 (NUL) (delete it; it is invisible and breaks pages)',
    ':6 — summary: contains the control character U+000D (CR) (delete it; it is invisible and breaks pages)',
    ':7 — topics.1: contains the control character U+0007 (BEL) (delete it; it is invisible and breaks pages)',
    ':10 — conversions.发\\u0008: contains the control character U+0008 (BS) (delete it; it is invisible and breaks pages)',
    ':11 — conversions.软件: contains the control character U+0000 (NUL) (delete it; it is invisible and breaks pages)',
    ':14 — body: contains the control character U+0007 (BEL) (delete it; it is invisible and breaks pages)',
    ':16 — body: contains the control character U+001B (ESC) (delete it; it is invisible and breaks pages)',
    ':16 — body: contains the control character U+007F (DEL) (delete it; it is invisible and breaks pages)',
  ],
  'headlines.yaml': [
    ':8 — related.items.1.article: no article has the slug "no-such-story"',
    ':13 — hot.items.0.time: expected an ISO 8601 date-time with an offset',
    ':14 — hot.items.1.title: unknown YAML tag !!binary (write plain text; tags are not allowed)',
    ':15 — hot.items.2.title: contains the control character U+001B (ESC) (delete it; it is invisible and breaks pages)',
  ],
  'conversions.yaml': [
    ':3 — zh-tw: unknown field',
    ':6 — zh-hans.於梨華: unknown YAML tag !!js/regexp (write plain text; tags are not allowed)',
    ':7 — zh-hans.軟\\u0007件: contains the control character U+0007 (BEL) (delete it; it is invisible and breaks pages)',
  ],
};

let site: string;
let outside: string;

beforeAll(() => {
  // The oversized file is made here rather than committed: half a megabyte of nothing.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'malformed-'));
  fs.cpSync(fixture, site, { recursive: true });
  const bytes = Buffer.alloc(600_000, 'a');
  fs.writeFileSync(path.join(site, 'articles/oversized.md'), bytes);
  // Links are made here: git keeps them only where the system has them, and some point outside the project.
  const link = (target: string, name: string) => fs.symlinkSync(target, path.join(site, 'articles', name));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
  fs.copyFileSync(path.join(fixture, 'articles/valid-story.md'), path.join(outside, 'secret.md'));
  link(path.join(outside, 'secret.md'), 'leak.md');
  link('/etc/passwd', 'passwd.md');
  link('valid-story.md', 'linked-story.md');
  link('loop.md', 'loop.md');
  link('no-such-story.md', 'gone.md');
  // Emacs's lock file while valid-story.md is open: a link to nothing.
  link('dev@newsroom.4242:1700000000', '.#valid-story.md');
  if (caseSensitive) {
    // Not committed: a checkout on macOS or Windows would hold only one of the two.
    fs.copyFileSync(path.join(fixture, 'articles/valid-story.md'), path.join(site, 'articles/story.md'));
    fs.copyFileSync(path.join(fixture, 'articles/valid-story.md'), path.join(site, 'articles/Story.md'));
  }
  vi.stubEnv('CONTENT_DIR', site);
  vi.resetModules();
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(site, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

async function check() {
  const { checkContent } = await import('@/lib/editor/check');
  const { formatProblem } = await import('@/lib/content');
  const report = checkContent(new Date('2026-01-01T00:00:00Z'), path.join(site, 'public'));
  const shown = path.relative(process.cwd(), site);
  return {
    report,
    lines: report.problems.map((problem) => formatProblem(problem).replace(shown, 'tests/fixtures/malformed')),
  };
}

describe('npm run check on a site full of mistakes', () => {
  it.each(Object.entries(expected))('explains what is wrong with %s', async (file, messages) => {
    const { lines } = await check();
    const ofFile = lines.filter((line) => line.startsWith(`${at(file)}:`) || line.startsWith(`${at(file)} `));
    expect(ofFile).toHaveLength(messages.length);
    for (const message of messages) expect(ofFile).toContainEqual(expect.stringContaining(at(file) + message));
  });

  it('reports nothing else: every problem belongs to a file above', async () => {
    const { lines } = await check();
    const known = Object.keys(expected).map(at);
    expect(
      lines.filter((line) => !known.some((file) => line.startsWith(`${file}:`) || line.startsWith(`${file} `))),
    ).toEqual([]);
  });

  it('accepts a file with a byte-order mark and CRLF line endings', async () => {
    const { report } = await check();
    expect(report.articles).toContainEqual({ slug: 'bom-and-crlf', state: 'published', date: '2025-07-23' });
  });

  it('accepts a link whose file stays inside the content folder', async () => {
    const { report } = await check();
    expect(report.articles).toContainEqual({ slug: 'linked-story', state: 'published', date: '2025-07-23' });
  });

  it('turns any other read error into a problem naming the entry and its code', async () => {
    const { readContentFile, ContentError, formatProblem } = await import('@/lib/content');
    const failure = Object.assign(new Error('i/o error'), { code: 'EIO' });
    const read = vi.spyOn(fs, 'readFileSync').mockImplementationOnce(() => {
      throw failure;
    });
    try {
      readContentFile(path.join(site, 'articles/valid-story.md'));
      expect.unreachable('the read error should be a ContentError');
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      expect(error.problems.map(formatProblem)).toEqual([
        `${path.relative(process.cwd(), site)}/articles/valid-story.md — this entry cannot be read (EIO) (expected a readable file)`,
      ]);
    } finally {
      read.mockRestore();
    }
  });

  it('skips files whose names start with _ . or # without reading them', async () => {
    const { report } = await check();
    expect(report.skipped.map((file) => path.basename(file))).toEqual([
      '.#valid-story.md',
      '.hidden-note.md',
      '_template.md',
    ]);
    expect(report.articles.map((article) => article.slug)).not.toContain('_template');
  });

  // Old Mac editors end lines with a lone CR; every editor shows it as a line break, so it is read as one, not refused.
  it('reads lone carriage returns as line breaks', async () => {
    const { report } = await check();
    expect(report.articles).toContainEqual({ slug: 'old-mac-line-endings', state: 'published', date: '2025-07-23' });
  });

  it('treats a future date as scheduled, not as an error', async () => {
    const { report } = await check();
    expect(report.articles).toContainEqual({
      slug: 'scheduled-story',
      state: 'scheduled',
      date: '2999-01-01T08:00:00+08:00',
    });
  });
});

describe('parseYaml', () => {
  it('stops an alias bomb at once, however deep it nests', async () => {
    const { parseYaml, ContentError } = await import('@/lib/content');
    const levels = Array.from(
      { length: 30 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`,
    );
    const bomb = ['l0: &l0 "哈"', ...levels].join('\n');
    const started = performance.now();
    expect(() => parseYaml(bomb, 'bomb.yaml')).toThrow(ContentError);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the build reads the same listing as the check', () => {
  it('stops on the same refused entries, so a link out of the content folder is never published', async () => {
    const { getArticles } = await import('@/lib/articles');
    const { ContentError } = await import('@/lib/content');
    const shown = path.relative(process.cwd(), site);
    const refused = (() => {
      try {
        getArticles();
      } catch (error) {
        if (error instanceof ContentError)
          return error.problems.map((problem) => problem.file.replace(shown, 'tests/fixtures/malformed'));
        throw error;
      }
      return [];
    })();
    for (const file of ['leak.md', 'passwd.md', 'loop.md', 'gone.md', 'archive.md'])
      expect(refused).toContain(at(`articles/${file}`));
  });

  it('never offers a skipped file as an article a headline may link to', async () => {
    const { getAllArticleSlugs } = await import('@/lib/articles');
    expect(getAllArticleSlugs()).toContain('valid-story');
    expect([...getAllArticleSlugs()].filter((slug) => /^[_.#]/.test(slug))).toEqual([]);
  });
});

describe('the summary npm run check prints', () => {
  it('says how many files were skipped, why, and which', async () => {
    const { formatCheckSummary } = await import('@/lib/editor/check');
    const summary = formatCheckSummary({
      problems: [],
      articles: [{ slug: 'a', state: 'published', date: '2025-07-23' }],
      skipped: ['content/articles/_template.md', 'content/articles/.#a.md'],
    });
    expect(summary).toBe(
      '1 article file(s) read: 1 published, 0 draft(s), 0 scheduled; 2 skipped (names starting with _ . or #): content/articles/_template.md, content/articles/.#a.md.',
    );
  });

  it('does not mention skipping when nothing was skipped', async () => {
    const { formatCheckSummary } = await import('@/lib/editor/check');
    expect(formatCheckSummary({ problems: [], articles: [], skipped: [] })).toBe(
      '0 article file(s) read: 0 published, 0 draft(s), 0 scheduled.',
    );
  });
});
