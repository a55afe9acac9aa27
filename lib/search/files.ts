import 'server-only';
import { getArticles } from '../articles';
import { getClientBundle } from './client-bundle';
import { getSearchIndex } from './search-index';

/** A file under /search/: the search page's script or a file of the index. */
export interface SearchFile {
  readonly body: string;
  readonly type: string;
}

/** Every file under /search/ by name, for app/search/[file]/route.ts. */
export async function getSearchFiles(): Promise<ReadonlyMap<string, SearchFile>> {
  const client = await getClientBundle();
  const files = new Map<string, SearchFile>([
    [client.name, { body: client.code, type: 'text/javascript; charset=utf-8' }],
  ]);
  for (const [name, body] of getSearchIndex(getArticles()).files)
    files.set(name, { body, type: 'application/json; charset=utf-8' });
  return files;
}
