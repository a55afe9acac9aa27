import { getLabels } from '@/lib/labels';
import { homePath, type Crumb } from '@/lib/paths';
import type { Script } from '@/lib/script';

/** Where the page sits in the site: 首页 › … › the page itself, in the page's script. */
export function Breadcrumb({ script, trail }: { readonly script: Script; readonly trail: readonly Crumb[] }) {
  const labels = getLabels(script);
  const crumbs = [{ name: labels.home, path: homePath(script) }, ...trail];
  return (
    <nav aria-label={labels.breadcrumb} className="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) =>
          index === crumbs.length - 1 ? (
            <li key={crumb.path} aria-current="page">
              {crumb.name}
            </li>
          ) : (
            <li key={crumb.path}>
              <a href={crumb.path}>{crumb.name}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
