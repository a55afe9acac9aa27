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
