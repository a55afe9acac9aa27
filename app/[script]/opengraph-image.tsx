import { cardResponse, cardSize, siteCard } from '@/lib/cards';
import { readScript } from '@/lib/route-params';
import { scripts } from '@/lib/script';

// The site's link-preview card in a script, for the home page and the lists (lib/cards.tsx), drawn at
// build time; lib/metadata.ts names it in their tags, as the article's route says for its own card.
export const dynamic = 'force-static';
export const dynamicParams = false;
export const size = cardSize;
export const contentType = 'image/png';

export function generateStaticParams() {
  return scripts.map((script) => ({ script }));
}

export default async function SiteCardImage({ params }: { params: Promise<{ script: string }> }) {
  return cardResponse(await siteCard(await readScript(params)));
}
