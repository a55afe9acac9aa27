import { describe, expect, it } from 'vitest';
import { negotiateScript, scriptFromAcceptLanguage } from '@/lib/script';

describe('scriptFromAcceptLanguage', () => {
  it.each([
    ['zh-CN', 'zh-hans'],
    ['zh-SG', 'zh-hans'],
    ['zh-Hans', 'zh-hans'],
    ['zh-TW', 'zh-hant'],
    ['zh-HK', 'zh-hant'],
    ['zh-MO', 'zh-hant'],
    ['zh-Hant', 'zh-hant'],
    ['zh-Hant-CN', 'zh-hant'],
    ['en-US,en;q=0.9,zh-TW;q=0.8', 'zh-hant'],
    ['zh-TW;q=0.5, zh-CN;q=0.9', 'zh-hans'],
  ])('reads %s as %s', (header, script) => {
    expect(scriptFromAcceptLanguage(header)).toBe(script);
  });

  it('has no opinion for other languages, a bare zh, or an empty header', () => {
    expect(scriptFromAcceptLanguage('en-US,fr;q=0.5')).toBeUndefined();
    expect(scriptFromAcceptLanguage('zh')).toBeUndefined();
    expect(scriptFromAcceptLanguage('')).toBeUndefined();
    expect(scriptFromAcceptLanguage('zh-TW;q=0')).toBeUndefined();
  });
});

describe('negotiateScript', () => {
  it('prefers the remembered cookie over Accept-Language', () => {
    expect(negotiateScript('zh-hant', 'zh-CN', 'zh-hans')).toBe('zh-hant');
  });

  it('ignores a cookie that is not a script', () => {
    expect(negotiateScript('../etc', 'zh-TW', 'zh-hans')).toBe('zh-hant');
  });

  it('falls back to the site default', () => {
    expect(negotiateScript(undefined, 'en', 'zh-hans')).toBe('zh-hans');
  });
});
