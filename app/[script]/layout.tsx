import type { Viewport } from 'next';
import type { ReactNode } from 'react';
import { contentChanges } from '@/lib/content';
import { assertValidContent } from '@/lib/editor/check';
import { readScript } from '@/lib/route-params';
import { getScriptInfo, scripts } from '@/lib/script';
import '../globals.css';

// The root layout sits under [script] because only a root layout can set <html lang>.
export const dynamicParams = false;

// Tells the browser both themes exist before the stylesheet arrives, so a dark reader never sees a white flash.
export const viewport: Viewport = { colorScheme: 'light dark' };

export function generateStaticParams() {
  // Every page hangs off this layout: checking here stops the build on any bad file before a
  // page is made. `next dev` runs this in a fresh process on every request, where nothing is
  // remembered, so there the layout itself checks, in the server that remembers each file.
  if (!contentChanges) assertValidContent();
  return scripts.map((script) => ({ script }));
}

export default async function ScriptLayout(props: { children: ReactNode; params: Promise<{ script: string }> }) {
  if (contentChanges) assertValidContent();
  const script = await readScript(props.params);
  return (
    <html lang={getScriptInfo(script).lang}>
      <body>{props.children}</body>
    </html>
  );
}
