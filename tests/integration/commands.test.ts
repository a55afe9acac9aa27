import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The editors' commands, run as editors run them, against a scratch content folder.
let contentDir: string;

function run(command: 'check' | 'new' | 'import', ...args: string[]) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', `lib/editor/commands/${command}.ts`, ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

beforeEach(() => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
});

afterEach(() => {
  fs.rmSync(contentDir, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('writes a valid draft dated today in Beijing and prints its path and both URLs', () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const result = run('new', '--slug', 'my-slug', '--title', '標題');
    expect(result.status).toBe(0);
    expect(result.out).toContain(path.join('articles', 'my-slug.md'));
    expect(result.out).toContain('/zh-hans/articles/my-slug');
    expect(result.out).toContain('/zh-hant/articles/my-slug');
    const file = fs.readFileSync(path.join(contentDir, 'articles/my-slug.md'), 'utf8');
    expect(file).toContain(`date: ${today}`);
    expect(file).toContain('script: zh-hant');
    expect(file).toContain('draft: true');
    expect(run('check').status).toBe(0);
  });

  it('refuses to overwrite an existing article without --force', () => {
    run('new', '--slug', 'my-slug', '--title', '标题');
    const again = run('new', '--slug', 'my-slug', '--title', '另一个');
    expect(again.status).toBe(1);
    expect(again.err).toContain('already exists; pass --force');
    expect(run('new', '--slug', 'my-slug', '--title', '另一个', '--force').status).toBe(0);
  });

  it('refuses a slug that is not one', () => {
    const result = run('new', '--slug', 'My Story', '--title', '标题');
    expect(result.status).toBe(2);
    expect(result.err).toContain('--slug "My Story" is not a slug');
  });
});

describe('npm run check', () => {
  it('exits non-zero and names the file, line and field of every problem', () => {
    run('new', '--slug', 'my-slug', '--title', '标题');
    const file = path.join(contentDir, 'articles/my-slug.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('draft: true', 'draft: false\nsumary: 多余'));
    const result = run('check');
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/my-slug\.md:6 — summary: still holds the placeholder 【待填】/);
    expect(result.err).toMatch(/my-slug\.md:10 — sumary: unknown field \(did you mean `summary`\?\)/);
    expect(result.err).toContain('nothing is published until they are fixed');
  });
});

describe('npm run import', () => {
  const seed = path.resolve('tests/fixtures/seeds/000_adbbf3d7297cd76b.txt');

  it('writes the article and the headlines, reports its repairs, and refuses to overwrite without --force', () => {
    const first = run('import', seed, '--slug', 'seed-article');
    expect(first.status).toBe(0);
    expect(first.out).toContain('20 paragraphs, 1 caption(s)');
    expect(first.out).toContain('20 related and 16 hot headlines');
    expect(first.out).toMatch(/Repaired: \d+ pinyin annotation\(s\), 3 line\(s\) of quote mojibake/);
    // The reader fixture site holds the importer's output, completed by an editor; the body is the importer's alone.
    const imported = fs.readFileSync(path.join(contentDir, 'articles/seed-article.md'), 'utf8');
    const committed = fs.readFileSync('tests/fixtures/sites/reader/articles/seed-article.md', 'utf8');
    expect(imported.split('\n---\n')[1]).toBe(committed.split('\n---\n')[1]);
    const headlines = fs.readFileSync(path.join(contentDir, 'headlines.yaml'), 'utf8');
    const expected = fs.readFileSync('tests/fixtures/seeds/000_adbbf3d7297cd76b.headlines.yaml', 'utf8');
    expect(headlines).toBe(expected.replace(/^#.*\n/gm, ''));

    const second = run('import', seed, '--slug', 'seed-article');
    expect(second.status).toBe(1);
    expect(second.err).toContain('already exists; pass --force');
    expect(run('check').status).toBe(0);
  });
});

describe('the inline-script hashes written after next build', () => {
  function writeBuild(dir: string, html: string) {
    fs.mkdirSync(path.join(dir, 'server', 'app', 'zh-hans', 'articles'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'BUILD_ID'), 'test-build\n');
    fs.writeFileSync(
      path.join(dir, 'prerender-manifest.json'),
      JSON.stringify({ routes: { '/zh-hans/articles/a': {} } }),
    );
    fs.writeFileSync(path.join(dir, 'server', 'app', 'zh-hans', 'articles', 'a.html'), html);
  }
  const hashes = (distDir: string) =>
    spawnSync('npx', ['tsx', 'lib/security/commands/hash-pages.ts'], {
      env: { ...process.env, NEXT_DIST_DIR: distDir },
      encoding: 'utf8',
    });

  it('fails the build, naming the page, when a page holds an inline script Next.js did not write', () => {
    const distDir = path.join(contentDir, '.next-test');
    writeBuild(
      distDir,
      '<html><body><main><p>我的<script>alert(1)</script>很好</p></main><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
    );
    fs.writeFileSync(path.join(distDir, 'inline-js-hashes.json'), '{"stale":true}');
    const result = hashes(distDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/zh-hans/articles/a: <script>alert(1)</script>');
    // The server must not go on trusting an earlier build's hashes.
    expect(fs.existsSync(path.join(distDir, 'inline-js-hashes.json'))).toBe(false);
  });

  it("writes the hashes of Next.js's own scripts for a clean page", () => {
    const distDir = path.join(contentDir, '.next-test');
    writeBuild(
      distDir,
      '<html><body><main><p>正文</p></main><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
    );
    expect(hashes(distDir).status).toBe(0);
    const written: unknown = JSON.parse(fs.readFileSync(path.join(distDir, 'inline-js-hashes.json'), 'utf8'));
    expect(written).toEqual({
      buildId: 'test-build',
      pages: { '/zh-hans/articles/a': [expect.stringMatching(/^'sha256-/)] },
    });
  });
});
