import { getLabels } from '@/lib/labels';
import { scriptPath, type Script } from '@/lib/script';

/** Where the page sits in the site: 首页 › the page's title, in the page's script. */
export function Breadcrumb({ script, title }: { readonly script: Script; readonly title: string }) {
  const labels = getLabels(script);
  return (
    <nav aria-label={labels.breadcrumb} className="breadcrumb">
      <ol>
        <li>
          <a href={scriptPath(script)}>{labels.home}</a>
        </li>
        <li aria-current="page">{title}</li>
      </ol>
    </nav>
  );
}
