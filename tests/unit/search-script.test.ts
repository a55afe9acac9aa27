import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getClientBundle } from '@/lib/search/client-bundle';
import { dictionaryMarks } from '../bench/weight';

describe('the search page’s script', () => {
  it('is one file named by its content, with the fold map and none of opencc-js’s dictionaries', async () => {
    const { name, code } = await getClientBundle();
    expect(name).toMatch(/^search-[0-9a-f]{10}\.js$/);
    // 數→数 and 裡→里 are pairs of the fold map, inlined as characters.
    expect(code).toContain('數数');
    expect(code).toContain('裡里');
    for (const mark of dictionaryMarks) expect(code).not.toContain(mark);
  });

  it('is small: MiniSearch, the fold map and the page’s code in about 25 KB gzipped', async () => {
    const { code } = await getClientBundle();
    expect(gzipSync(code, { level: 9 }).byteLength).toBeLessThan(30 * 1024);
  });

  it('writes no HTML: results are built from nodes and text', async () => {
    const { code } = await getClientBundle();
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
