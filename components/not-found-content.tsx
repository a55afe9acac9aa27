import { getLabels } from '@/lib/labels';
import { scriptPath, type Script } from '@/lib/script';
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
