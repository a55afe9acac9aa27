import { Fragment } from 'react';
import type { Metadata } from 'next';
import { ReturningReaderForward } from '@/components/returning-reader-forward';
import { getLabels } from '@/lib/labels';
import { rootMetadata } from '@/lib/metadata';
import { getScriptInfo, scriptPath, scripts } from '@/lib/script';

/*
 * `/` in the static export, where no server can redirect: a real page offering
 * both scripts. Under `next start`, proxy.ts answers `/` with a 307 before
 * routing, so readers never see this page there.
 */

export function generateMetadata(): Metadata {
  return rootMetadata();
}

export default function ChooseScriptPage() {
  return (
    <main id="main" className="site-main choose-script">
      <ReturningReaderForward />
      <h1 className="page-title">
        {scripts.map((script, index) => (
          <Fragment key={script}>
            {index > 0 && ' · '}
            <span lang={getScriptInfo(script).lang}>{getLabels(script).siteName}</span>
          </Fragment>
        ))}
      </h1>
      <ul className="script-choices">
        {scripts.map((script) => {
          const info = getScriptInfo(script);
          return (
            <li key={script} lang={info.lang}>
              <a href={scriptPath(script)} hrefLang={info.lang}>
                {info.name}
              </a>
              <p>{getLabels(script).siteDescription}</p>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
