import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An editor runs `npm run dev`, edits content and reloads: changes show without a restart.
const port = Number(process.env.DEV_TEST_PORT ?? 3190);
const origin = `http://127.0.0.1:${port}`;
let contentDir: string;
let server: ChildProcess;

async function get(pathname: string): Promise<{ status: number; html: string }> {
  const response = await fetch(origin + pathname, { signal: AbortSignal.timeout(120_000) });
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-content-'));
  fs.cpSync('tests/fixtures/sites/reader', contentDir, { recursive: true });
  server = spawn('npx', ['next', 'dev', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    detached: true,
    stdio: 'ignore',
  });
  // The first request compiles the app: on a busy two-core machine that can take a minute or more.
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/zh-hans`, { signal: AbortSignal.timeout(120_000) })).ok) break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 320_000);

afterAll(() => {
  // next dev forks workers: stop the whole process group.
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  fs.rmSync(contentDir, { recursive: true, force: true });
});

describe('next dev', () => {
  it('shows a draft with a visible badge', async () => {
    const { status, html } = await get('/zh-hans/articles/draft-story');
    expect(status).toBe(200);
    expect(html).toMatch(/<span class="state-badge state-draft">草稿<\/span>/);
  });

  it('shows an edited article on reload', async () => {
    const file = path.join(contentDir, 'articles/published-story.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: 软件发布会', 'title: 改过的标题'));
    expect((await get('/zh-hant/articles/published-story')).html).toContain('改過的標題');
  });

  it('shows a new article and a changed headline on reload', async () => {
    fs.writeFileSync(
      path.join(contentDir, 'articles/brand-new.md'),
      '---\ntitle: 刚写好的文章\ndate: 2025-07-23\nauthor: 甲\nsource: 乙\nsummary: 新的。\nscript: zh-hans\n---\n\n正文。\n',
    );
    const headlines = path.join(contentDir, 'headlines.yaml');
    fs.writeFileSync(headlines, fs.readFileSync(headlines, 'utf8').replace('外站報道', '剛換的標題'));
    // next dev refreshes its list of pages in the background (stale-while-revalidate),
    // so a brand-new slug may take one more reload than an edited one.
    let page = await get('/zh-hans/articles/brand-new');
    for (let reload = 0; page.status === 404 && reload < 5; reload += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      page = await get('/zh-hans/articles/brand-new');
    }
    const { status, html } = page;
    expect(status).toBe(200);
    expect(html).toContain('刚写好的文章');
    expect(html).toContain('刚换的标题');
  });
});
