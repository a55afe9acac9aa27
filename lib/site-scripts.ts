import { scriptCookie, scriptCookieMaxAge, scripts } from './script';

/**
 * The site's own JavaScript, all of it. The static export ships none of
 * Next.js's client runtime (lib/export-transform.ts); what a page still needs
 * is one of these, a file the export writes at its path and the page loads with
 * `<script src>`, allowed by `script-src 'self'` (never inline, so no page needs
 * a hash). Each is a fixed string, small enough to read whole.
 */
export interface SiteScript {
  /** Where the export writes it and pages load it from: outside /_next/, which is the framework's. */
  readonly path: `/${string}.js`;
  readonly source: string;
}

const codes = scripts.join('|');

/**
 * `/` on a static host, where no server can redirect: a reader whose `script`
 * cookie remembers a choice goes straight to it; everyone else, crawlers
 * included, sees the two links, and following one remembers it for next time.
 * (Behind deploy/nginx.conf `/` is a 307 and this never loads.)
 */
export const returningReaderScript: SiteScript = {
  path: '/returning-reader.js',
  source:
    `(function(){var m=/(?:^|;\\s*)${scriptCookie}=(${codes})(?:;|$)/.exec(document.cookie);if(m){location.replace('/'+m[1]);return;}` +
    `document.addEventListener('click',function(e){var a=e.target instanceof Element?e.target.closest('a[href]'):null;` +
    `var s=a&&/^\\/(${codes})$/.exec(a.getAttribute('href')||'');` +
    `if(s)document.cookie='${scriptCookie}='+s[1]+'; path=/; max-age=${scriptCookieMaxAge}; samesite=lax'+(location.protocol==='https:'?'; secure':'');});})();\n`,
};

/** Every site script, for the export to write. */
export const siteScripts: readonly SiteScript[] = [returningReaderScript];
