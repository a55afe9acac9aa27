import { notFound } from 'next/navigation';
import { viewList, type ListKind, type ListView } from './lists';
import { parsePageSegment } from './pagination';
import { isScript, type Script } from './script';

/**
 * Route parameters are narrowed here and nowhere else: a segment a route does
 * not know answers the 404 page, never a render with a guess.
 */

/**
 * The script of a route under app/[script]/, or the 404 page.
 * @example await readScript(Promise.resolve({ script: 'zh-hant' })) // => 'zh-hant'
 */
export async function readScript(params: Promise<{ readonly script: string }>): Promise<Script> {
  const { script } = await params;
  if (!isScript(script)) notFound();
  return script;
}

/** A later page (/page/N, N ≥ 2) of a list, or the 404 page. */
export async function readListPage(
  params: Promise<{ readonly script: string; readonly page: string }>,
  list: ListKind,
): Promise<ListView> {
  const script = await readScript(params);
  const page = parsePageSegment((await params).page);
  return (page !== undefined && viewList(list, script, page)) || notFound();
}

/** A page of a topic (its first page, or /page/N), or the 404 page. */
export async function readTopicPage(
  params: Promise<{ readonly script: string; readonly topic: string; readonly page?: string }>,
): Promise<ListView> {
  const { topic, page: segment } = await params;
  const script = await readScript(params);
  const page = segment === undefined ? 1 : parsePageSegment(segment);
  return (page !== undefined && viewList({ kind: 'topic', slug: topic }, script, page)) || notFound();
}
