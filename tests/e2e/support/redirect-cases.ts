/**
 * Where `/` sends a reader: [Accept-Language, `script` cookie, target]. One
 * table for `next start` (proxy.ts) and the export behind nginx, so the two
 * servers are held to the same answers.
 */
export const rootRedirectCases = [
  ['zh-CN,zh;q=0.9', undefined, '/zh-hans'],
  ['zh-TW,zh;q=0.9', undefined, '/zh-hant'],
  ['en-US,en;q=0.9,zh-HK;q=0.8', undefined, '/zh-hant'],
  ['zh-Hant-CN', undefined, '/zh-hant'],
  ['zh-SG', undefined, '/zh-hans'],
  ['zh-MO', undefined, '/zh-hant'],
  ['zh-HK', 'zh-hans', '/zh-hans'],
  ['zh-CN', 'zh-hant', '/zh-hant'],
  ['zh-TW', 'nonsense', '/zh-hant'],
  ['en-US', undefined, '/zh-hans'],
] as const;

/**
 * Paths that try to turn a redirect of the site into a jump to another host:
 * a server that decodes `/%5Chost/` and redirects to `/\host` sends browsers to
 * `//host`. Every server must answer them without a Location off the site.
 */
export const offSiteRedirectProbes = [
  '/%5Cevil.example/',
  '/%5Cevil.example/?x=1',
  '/%5C%5Cevil.example/',
  '/%5c/evil.example/',
  '/%2F%2Fevil.example/',
  '/%2F/evil.example/',
  '//evil.example/',
  '///evil.example/',
  '/%09/evil.example/',
  '/%0A/evil.example/',
  '/%20%5Cevil.example/',
  '/zh-hans/..%2F%5Cevil.example/',
  '/%E3%80%80%5Cevil.example/',
] as const;

/** Whether a Location header, resolved as a browser does against the URL asked for, stays on its origin. */
export function staysOnSite(location: string | undefined, requested: string): boolean {
  if (location === undefined) return true;
  const base = new URL(requested);
  try {
    return new URL(location, base).origin === base.origin;
  } catch {
    return false;
  }
}
