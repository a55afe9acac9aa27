import { notFound } from 'next/navigation';
import { getSearchFiles } from '@/lib/search/files';

// The search page's script and the search index's files (lib/search/): written once at build
// time, so the static export carries them as files; any other name is a 404.
export const dynamic = 'force-static';
export const dynamicParams = false;

export async function generateStaticParams() {
  return [...(await getSearchFiles()).keys()].map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const found = (await getSearchFiles()).get(file) ?? notFound();
  return new Response(found.body, { headers: { 'Content-Type': found.type } });
}
