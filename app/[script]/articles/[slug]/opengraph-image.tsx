import { notFound } from 'next/navigation';
import { getArticle, getArticleSlugsWithPages } from '@/lib/articles';
import { articleCard, cardResponse, cardSize } from '@/lib/cards';
import { readScript } from '@/lib/route-params';
import { scripts } from '@/lib/script';

// The article's link-preview card in the page's script (lib/cards.tsx), drawn at build time with the
// pages: `next start` and the export serve the same file, and any other path is a 404. The page's
// og:image and twitter:image tags come from lib/metadata.ts, with the headline as their alt text.
export const dynamic = 'force-static';
export const dynamicParams = false;
export const size = cardSize;
export const contentType = 'image/png';

// Every parameter, the script too: an image route sits outside the [script] layout, whose params
// it does not inherit; without them Next prerenders no card and every one answers 404.
export function generateStaticParams() {
  return scripts.flatMap((script) => getArticleSlugsWithPages().map((slug) => ({ script, slug })));
}

export default async function ArticleCardImage({ params }: { params: Promise<{ script: string; slug: string }> }) {
  const script = await readScript(params);
  const article = getArticle((await params).slug) ?? notFound();
  return cardResponse(await articleCard(article, script));
}
