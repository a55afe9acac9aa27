import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import { BilingualNotFoundContent, NotFoundContent } from '@/components/not-found-content';
import { getLabels } from '@/lib/labels';
import { getScriptInfo, negotiateScript, scriptCookie, scripts } from '@/lib/script';
import { site } from '@/lib/site';
import './globals.css';

// As in the [script] layout: both themes are announced before the stylesheet arrives.
export const viewport: Viewport = { colorScheme: 'light dark' };

export async function generateMetadata(): Promise<Metadata> {
  const title = site.staticExport
    ? scripts.map((script) => getLabels(script).notFoundTitle).join(' · ')
    : getLabels(await readerScript()).notFoundTitle;
  return { title, robots: { index: false } };
}

async function readerScript() {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return negotiateScript(cookieStore.get(scriptCookie)?.value, headerList.get('accept-language'), site.defaultScript);
}

// Every unmatched URL lands here, outside the [script] layout, so this page sets its own <html lang>.
export default async function GlobalNotFound() {
  // The export is plain files: no request to negotiate with, so one page in both scripts.
  if (site.staticExport) {
    return (
      <html lang="zh">
        <body>
          <BilingualNotFoundContent />
        </body>
      </html>
    );
  }
  const script = await readerScript();
  return (
    <html lang={getScriptInfo(script).lang}>
      <body>
        <NotFoundContent script={script} />
      </body>
    </html>
  );
}
