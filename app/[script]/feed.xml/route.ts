import { getArticles } from '@/lib/articles';
import { renderFeed } from '@/lib/feed';
import { readScript } from '@/lib/route-params';
import { scripts } from '@/lib/script';

// Written once per script at build time, so the static export carries the feeds as files.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return scripts.map((script) => ({ script }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ script: string }> }) {
  const script = await readScript(params);
  return new Response(renderFeed(getArticles(), script), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
