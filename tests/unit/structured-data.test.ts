import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { viewArticle } from '@/lib/article-view';
import { breadcrumbData, newsArticleData, serializeJsonLd, webSiteData } from '@/lib/structured-data';

const article = parseArticle(
  'content/articles/chip-story.md',
  `---
title: 芯片发布会
date: 2025-07-22
author: 记者甲
source: 测试通讯社
summary: 一场发布会。
topics: [科技, 芯片]
script: zh-hans
copyright: 版权所有。
---

正文。
`,
);
const url = 'https://news.example.com/zh-hant/articles/chip-story';

describe('newsArticleData', () => {
  const data = newsArticleData(viewArticle(article, 'zh-hant'));

  it('carries the headline, summary, byline and topics as the Traditional page shows them', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '芯片發佈會',
      description: '一場發佈會。',
      author: { '@type': 'Person', name: '記者甲' },
      sourceOrganization: { '@type': 'Organization', name: '測試通訊社' },
      articleSection: '科技',
      keywords: ['科技', '芯片'],
      inLanguage: 'zh-Hant',
      copyrightNotice: '版權所有。',
    });
  });

  it('dates the article as its <time> does and calls an article never updated last modified when published', () => {
    expect(data.datePublished).toBe('2025-07-22');
    expect(data.dateModified).toBe('2025-07-22');
  });

  it('names the site as publisher and the page as the main entity, with absolute URLs', () => {
    expect(data.publisher).toEqual({
      '@type': 'Organization',
      name: '同文新聞',
      url: 'https://news.example.com/zh-hant',
    });
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
    expect(data.isAccessibleForFree).toBe(true);
  });

  it('lists the photo only when the article has one', () => {
    expect(data).not.toHaveProperty('image');
    const photo = 'https://news.example.com/images/chip.jpg';
    expect(newsArticleData(viewArticle(article, 'zh-hant'), photo).image).toEqual([photo]);
  });
});

describe('breadcrumbData', () => {
  it('leads from the home page of the script to the article', () => {
    const view = viewArticle(article, 'zh-hant');
    expect(
      breadcrumbData('zh-hant', [{ name: view.title, path: '/zh-hant/articles/chip-story' }]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: '首頁', item: 'https://news.example.com/zh-hant' },
      { '@type': 'ListItem', position: 2, name: '芯片發佈會', item: url },
    ]);
  });

  it('walks through the topics to a later page of a topic', () => {
    const trail = [
      { name: '全部話題', path: '/zh-hant/topics' },
      { name: '芯片', path: '/zh-hant/topics/xin-pian' },
      { name: '第2頁', path: '/zh-hant/topics/xin-pian/page/2' },
    ];
    expect(breadcrumbData('zh-hant', trail).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: '首頁', item: 'https://news.example.com/zh-hant' },
      { '@type': 'ListItem', position: 2, name: '全部話題', item: 'https://news.example.com/zh-hant/topics' },
      { '@type': 'ListItem', position: 3, name: '芯片', item: 'https://news.example.com/zh-hant/topics/xin-pian' },
      {
        '@type': 'ListItem',
        position: 4,
        name: '第2頁',
        item: 'https://news.example.com/zh-hant/topics/xin-pian/page/2',
      },
    ]);
  });
});

describe('webSiteData', () => {
  it('names the site in the script of its home page', () => {
    expect(webSiteData('zh-hans')).toMatchObject({
      '@type': 'WebSite',
      name: '同文新闻',
      url: 'https://news.example.com/zh-hans',
      inLanguage: 'zh-Hans',
    });
  });
});

describe('serializeJsonLd', () => {
  const hostile = '</script><script>alert(1)</script><!-- & \u2028';
  const text = serializeJsonLd({ '@context': 'https://schema.org', '@type': 'Thing', name: hostile });

  it('never lets a field close the script element or open a comment', () => {
    expect(text).not.toMatch(/[<>&\u2028]/);
  });

  it('still parses back to the same values', () => {
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', '@type': 'Thing', name: hostile });
  });
});
