import type { Metadata } from 'next';
import { getLabels } from './labels';
import { getScriptInfo, scriptPath, scripts, type Script } from './script';
import { site } from './site';

/**
 * Page metadata from one helper: the title with the site's name, the
 * description, a self-referencing canonical and reciprocal hreflang links.
 */
export function pageMetadata(options: {
  readonly script: Script;
  /** The page's path after the script, such as '/articles/slug' ('' for the home page). */
  readonly path: string;
  /** The page's own title; the home page passes none and gets the site's name. */
  readonly title?: string;
  readonly description: string;
}): Metadata {
  const labels = getLabels(options.script);
  const languages: Record<string, string> = Object.fromEntries(
    scripts.map((script) => [getScriptInfo(script).lang, scriptPath(script, options.path)]),
  );
  return {
    metadataBase: site.baseUrl,
    title: options.title ? `${options.title} - ${labels.siteName}` : labels.siteName,
    description: options.description,
    alternates: {
      canonical: scriptPath(options.script, options.path),
      languages: { ...languages, 'x-default': '/' },
    },
  };
}
