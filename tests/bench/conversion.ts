// Script conversion measured through the site's own modules; prints one JSON line.
// Usage: tsx --conditions=react-server tests/bench/conversion.ts create
//        tsx --conditions=react-server tests/bench/conversion.ts article <file.md> [iterations]
import { performance } from 'node:perf_hooks';
import { parseArticle } from '@/lib/articles';
import { renderArticleBody, viewArticle } from '@/lib/article-view';
import { readContentFile } from '@/lib/content';
import { convertText } from '@/lib/convert';
import { otherScript } from '@/lib/script';

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function timeOnce(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** Median milliseconds of `work` over `iterations` runs, after a warm-up. */
function timeMedian(work: () => unknown, iterations: number): number {
  for (let index = 0; index < Math.min(20, iterations); index += 1) work();
  return median(Array.from({ length: iterations }, () => timeOnce(work)));
}

const [mode = '', file = '', iterationsArgument = '200'] = process.argv.slice(2);

if (mode === 'create') {
  // A fresh process: the first call in each direction builds that converter, the second reuses it.
  const toHant = timeOnce(() => convertText('软件', 'zh-hans', 'zh-hant'));
  const toHans = timeOnce(() => convertText('軟件', 'zh-hant', 'zh-hans'));
  const again = timeOnce(() => {
    convertText('软件', 'zh-hans', 'zh-hant');
    convertText('軟件', 'zh-hant', 'zh-hans');
  });
  console.log(JSON.stringify({ toHantMs: toHant, toHansMs: toHans, bothAgainMs: again }));
} else if (mode === 'article' && file !== '') {
  const iterations = Number(iterationsArgument);
  const article = parseArticle(file, readContentFile(file));
  const target = otherScript(article.script);
  const renderOwn = timeMedian(() => renderArticleBody(article, article.script), iterations);
  const renderConverted = timeMedian(() => renderArticleBody(article, target), iterations);
  const fields = timeMedian(() => viewArticle(article, target), iterations);
  const plainBody = timeMedian(() => convertText(article.body, article.script, target), iterations);
  console.log(
    JSON.stringify({
      characters: Array.from(article.body).length,
      renderOwnMs: renderOwn,
      renderConvertedMs: renderConverted,
      fieldsMs: fields,
      plainBodyMs: plainBody,
      // What conversion adds to making one article page: the body's text nodes and the other fields.
      articleMs: Math.max(0, renderConverted - renderOwn) + fields,
    }),
  );
} else {
  console.error('usage: conversion.ts create | article <file.md> [iterations]');
  process.exitCode = 2;
}
