import { Fragment } from 'react';
import { getLabels } from '@/lib/labels';
import { getScriptInfo, scriptPath, scripts, type Script } from '@/lib/script';
import { PageShell } from './page-shell';

/** The 404 page's content in the reader's script, with a way back home. */
export function NotFoundContent({ script }: { readonly script: Script }) {
  const labels = getLabels(script);
  return (
    <PageShell script={script} path="">
      <h1 className="page-title">{labels.notFoundTitle}</h1>
      <p>{labels.notFoundBody}</p>
      <p className="back-home">
        <a href={scriptPath(script)}>{labels.backHome}</a>
      </p>
    </PageShell>
  );
}

/**
 * The 404 page of the static export, in both scripts: a static host cannot
 * read the reader's cookie or Accept-Language, so the one 404.html serves every reader.
 */
export function BilingualNotFoundContent() {
  return (
    <main id="main" className="site-main">
      <h1 className="page-title">
        {scripts.map((script, index) => (
          <Fragment key={script}>
            {index > 0 && ' · '}
            <span lang={getScriptInfo(script).lang}>{getLabels(script).notFoundTitle}</span>
          </Fragment>
        ))}
      </h1>
      {scripts.map((script) => {
        const labels = getLabels(script);
        return (
          <section key={script} lang={getScriptInfo(script).lang}>
            <p>{labels.notFoundBody}</p>
            <p>
              <a href={scriptPath(script)} hrefLang={getScriptInfo(script).lang}>
                {labels.backHome}
              </a>
            </p>
          </section>
        );
      })}
    </main>
  );
}
