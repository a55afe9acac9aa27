/**
 * The two scripts the site is published in: URL code, BCP 47 tag and labels.
 * Pure data and functions, safe for proxy.ts; conversion lives in convert.ts.
 */

export const scripts = ['zh-hans', 'zh-hant'] as const;

export type Script = (typeof scripts)[number];

interface ScriptInfo {
  /** The BCP 47 tag for `<html lang>` and `hreflang`. */
  readonly lang: 'zh-Hans' | 'zh-Hant';
  /** The Open Graph locale, which knows regions rather than scripts. */
  readonly ogLocale: 'zh_CN' | 'zh_TW';
  /** The one-character label of the switch, written in this script. */
  readonly label: string;
  /** The script's name, written in this script. */
  readonly name: string;
}

const scriptInfo: Readonly<Record<Script, ScriptInfo>> = {
  'zh-hans': { lang: 'zh-Hans', ogLocale: 'zh_CN', label: '简', name: '简体中文' },
  'zh-hant': { lang: 'zh-Hant', ogLocale: 'zh_TW', label: '繁', name: '繁體中文' },
};

/** The cookie that remembers the reader's script. */
export const scriptCookie = 'script';

/** Narrows a URL segment to a script. @example isScript('zh-hant') // => true */
export function isScript(value: unknown): value is Script {
  return value === 'zh-hans' || value === 'zh-hant';
}

/** The facts about one script. */
export function getScriptInfo(script: Script): ScriptInfo {
  return scriptInfo[script];
}

/** The script a reader switches to. @example otherScript('zh-hans') // => 'zh-hant' */
export function otherScript(script: Script): Script {
  return script === 'zh-hans' ? 'zh-hant' : 'zh-hans';
}

/** The site path of a page in a script. @example scriptPath('zh-hant', '/articles/a') // => '/zh-hant/articles/a' */
export function scriptPath(script: Script, path = ''): string {
  return `/${script}${path}`;
}

// Regions and script subtags per BCP 47; a bare "zh" says nothing about the script.
const hansTags = /^zh-(hans|cn|sg|my)(-|$)/;
const hantTags = /^zh-(hant|tw|hk|mo)(-|$)/;

/**
 * Picks the script an `Accept-Language` header asks for, by quality, or undefined.
 * @example scriptFromAcceptLanguage('en;q=0.9, zh-TW;q=0.8') // => 'zh-hant'
 */
export function scriptFromAcceptLanguage(header: string | null | undefined): Script | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    // zh-Hant-CN names the script outright, so the script subtag wins over the region.
    if (/^zh-hant(-|$)/.test(tag)) return 'zh-hant';
    if (/^zh-hans(-|$)/.test(tag)) return 'zh-hans';
    if (hansTags.test(tag)) return 'zh-hans';
    if (hantTags.test(tag)) return 'zh-hant';
  }
  return undefined;
}

/** The reader's script: the remembered cookie first, then `Accept-Language`, then the fallback. */
export function negotiateScript(
  cookie: string | undefined,
  acceptLanguage: string | null | undefined,
  fallback: Script,
): Script {
  if (isScript(cookie)) return cookie;
  return scriptFromAcceptLanguage(acceptLanguage) ?? fallback;
}
