import { notFound } from 'next/navigation';
import { isScript, type Script } from './script';

/**
 * The script of a route under app/[script]/, or the 404 page: the one place a
 * route parameter is narrowed, so no route renders for a segment it does not know.
 * @example await readScript(Promise.resolve({ script: 'zh-hant' })) // => 'zh-hant'
 */
export async function readScript(params: Promise<{ readonly script: string }>): Promise<Script> {
  const { script } = await params;
  if (!isScript(script)) notFound();
  return script;
}
