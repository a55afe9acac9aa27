import 'server-only';
import { z } from 'zod';
import { displayPath, optionalContentFileReader, parseYaml, validate } from './content';
import type { Overrides } from './convert';
import type { Script } from './script';

/**
 * The site-wide table of forced conversions, content/conversions.yaml, for the
 * one-to-many characters opencc-js gets wrong in names and titles (发 → 發/髮,
 * 于 → 於/于). Keyed by the script converted to; an article's own table wins.
 */

const conversionsFile = 'conversions.yaml';

const table = z.record(z.string().trim().min(1, 'must not be empty'), z.string().min(1, 'must not be empty'));

const conversionsSchema = z.strictObject({
  'zh-hans': table.default({}),
  'zh-hant': table.default({}),
});

export type SiteConversions = Readonly<Record<Script, Overrides>>;

/** Parses the site-wide conversions file's text. */
export function parseSiteConversions(file: string, source: string): SiteConversions {
  const shown = displayPath(file);
  return validate(conversionsSchema, parseYaml(source, shown), shown);
}

const emptyTables: SiteConversions = { 'zh-hans': {}, 'zh-hant': {} };

const readSiteConversions = optionalContentFileReader(conversionsFile, parseSiteConversions);

/** The site-wide tables; empty when the file does not exist. */
export function getSiteConversions(): SiteConversions {
  return readSiteConversions() ?? emptyTables;
}

/** The table for converting into a script: the site's entries, then the article's own, which win. */
export function mergeOverrides(site: Overrides, own: Overrides): Overrides {
  return Object.keys(own).length === 0 ? site : { ...site, ...own };
}
