import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import { NotFoundContent } from '@/components/not-found-content';
import { getLabels } from '@/lib/labels';
import { getScriptInfo, negotiateScript, scriptCookie } from '@/lib/script';
import { site } from '@/lib/site';
import './globals.css';

// As in the [script] layout: both themes are announced before the stylesheet arrives.
export const viewport: Viewport = { colorScheme: 'light dark' };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getLabels(await readerScript()).notFoundTitle, robots: { index: false } };
}

async function readerScript() {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateScript(cookieStore.get(scriptCookie)?.value, headerList.get('accept-language'), site.defaultScript);
}

// Every unmatched URL lands here, outside the [script] layout, so this page sets its own <html lang>.
export default async function GlobalNotFound() {
  const script = await readerScript();
  return (
    <html lang={getScriptInfo(script).lang}>
      <body>
        <NotFoundContent script={script} />
      </body>
    </html>
  );
}
