import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles';
import { viewArticle } from '@/lib/article-view';
import { pageMetadata, rootMetadata } from '@/lib/metadata';

const article = parseArticle(
  'content/articles/chip-story.md',
  `---
title: 芯片发布会
date: 2025-07-22
updated: 2025-07-23T10:00:00+08:00
author: 记者甲
source: 测试通讯社
summary: 一场发布会。
topics: [科技, 芯片]
script: zh-hans
---

正文。
`,
);

function articleMetadata(script: 'zh-hans' | 'zh-hant', image?: string) {
  const view = viewArticle(article, script);
  return pageMetadata({
    script,
    path: '/articles/chip-story',
    title: view.title,
    description: view.summary,
    article: view,
    image,
  });
}

describe('pageMetadata', () => {
  it('titles an article page with the article, then the site, in the page’s script', () => {
    expect(articleMetadata('zh-hant').title).toBe('芯片發佈會 - 同文新聞');
    expect(articleMetadata('zh-hans').description).toBe('一场发布会。');
  });

  it('points the canonical at the page itself and lists every script and x-default as alternates', () => {
    const { alternates } = articleMetadata('zh-hant');
    expect(alternates?.canonical).toBe('/zh-hant/articles/chip-story');
    expect(alternates?.languages).toEqual({
      'zh-Hans': '/zh-hans/articles/chip-story',
      'zh-Hant': '/zh-hant/articles/chip-story',
      'x-default': '/',
    });
  });

  it('links the feed of the page’s script for autodiscovery', () => {
    expect(articleMetadata('zh-hant').alternates?.types).toEqual({
      'application/atom+xml': [{ url: '/zh-hant/feed.xml', title: '同文新聞' }],
    });
  });

  it('describes an article to Open Graph with its dates, section and tags', () => {
    expect(articleMetadata('zh-hans').openGraph).toMatchObject({
      type: 'article',
      title: '芯片发布会',
      url: '/zh-hans/articles/chip-story',
      siteName: '同文新闻',
      locale: 'zh_CN',
      alternateLocale: ['zh_TW'],
      publishedTime: '2025-07-22',
      modifiedTime: '2025-07-23T10:00:00+08:00',
      section: '科技',
      tags: ['科技', '芯片'],
    });
    expect(articleMetadata('zh-hant').openGraph).toMatchObject({ locale: 'zh_TW', alternateLocale: ['zh_CN'] });
  });

  it('gives a large Twitter card only to an article with a photo', () => {
    expect(articleMetadata('zh-hans').twitter).toMatchObject({ card: 'summary', title: '芯片发布会' });
    const withPhoto = articleMetadata('zh-hans', 'https://news.example.com/images/chip.jpg');
    expect(withPhoto.twitter).toMatchObject({
      card: 'summary_large_image',
      images: ['https://news.example.com/images/chip.jpg'],
    });
    expect(withPhoto.openGraph).toMatchObject({ images: ['https://news.example.com/images/chip.jpg'] });
  });

  it('describes a home page as a website named after the site', () => {
    const home = pageMetadata({ script: 'zh-hant', path: '', description: '首頁' });
    expect(home.title).toBe('同文新聞');
    expect(home.alternates?.canonical).toBe('/zh-hant');
    expect(home.openGraph).toMatchObject({ type: 'website', title: '同文新聞', url: '/zh-hant' });
  });

  it('resolves every link against the configured origin', () => {
    expect(String(articleMetadata('zh-hans').metadataBase)).toBe('https://news.example.com/');
  });
});

describe('rootMetadata', () => {
  it('makes `/` its own canonical and the x-default of both scripts, with both feeds', () => {
    const root = rootMetadata();
    expect(root.alternates?.canonical).toBe('/');
    expect(root.alternates?.languages).toEqual({ 'zh-Hans': '/zh-hans', 'zh-Hant': '/zh-hant', 'x-default': '/' });
    expect(root.alternates?.types?.['application/atom+xml']).toEqual([
      { url: '/zh-hans/feed.xml', title: '同文新闻' },
      { url: '/zh-hant/feed.xml', title: '同文新聞' },
    ]);
    expect(root.title).toBe('同文新闻 · 同文新聞');
  });
});
