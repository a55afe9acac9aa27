import { describe, expect, it } from 'vitest';
import { fillLabel, getLabels } from '@/lib/labels';

describe('getLabels', () => {
  it('gives the interface words in Traditional for Traditional pages', () => {
    expect(getLabels('zh-hans').readingTime).toBe('预计阅读{minutes}分钟');
    expect(getLabels('zh-hant').readingTime).toBe('預計閱讀{minutes}分鐘');
    expect(getLabels('zh-hant').switchTo).toBe('切換至');
    expect(getLabels('zh-hant').breadcrumb).toBe('當前位置');
  });
});

describe('fillLabel', () => {
  it('fills each placeholder it has a value for', () => {
    expect(fillLabel(getLabels('zh-hant').readingTime, { minutes: 4 })).toBe('預計閱讀4分鐘');
  });

  it('leaves a placeholder without a value visible rather than printing undefined', () => {
    expect(fillLabel('{minutes}分钟 {constructor}', {})).toBe('{minutes}分钟 {constructor}');
  });
});
