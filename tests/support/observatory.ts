/**
 * Grades a response's headers by the Mozilla (MDN) HTTP Observatory's published
 * scoring rules (httpobs/docs/scoring.md): every site starts at 100, each test
 * adds a modifier, bonuses count only when the score without them is 90 or more,
 * and 100+ is A+. The tests are those of the current Observatory: CSP, cookies,
 * CORS, redirection, Referrer-Policy, HSTS, SRI, X-Content-Type-Options,
 * X-Frame-Options and Cross-Origin-Resource-Policy (X-XSS-Protection, HPKP and
 * contribute.json were retired from scoring).
 */

export interface Scan {
  /** Response headers, names in any case; repeated headers joined with ', ' (Set-Cookie with '\n'). */
  readonly headers: Readonly<Record<string, string>>;
  /** The page's HTML, for the Subresource Integrity test. */
  readonly html?: string;
  /** The page's origin, to tell the site's own scripts from external ones. */
  readonly origin: string;
  /** Whether the site is reached over https. */
  readonly https: boolean;
  /** What http:// does: a property of the front (nginx or CDN), which the scan cannot see from here. */
  readonly redirection: 'to-https' | 'none-no-http' | 'missing';
}

export interface TestResult {
  readonly test: string;
  readonly result: string;
  readonly modifier: number;
}

export interface Grade {
  readonly score: number;
  readonly grade: string;
  readonly results: readonly TestResult[];
}

const grades: ReadonlyArray<readonly [number, string]> = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
];

function header(scan: Scan, name: string): string | undefined {
  const key = Object.keys(scan.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : scan.headers[key];
}

type Policy = ReadonlyMap<string, readonly string[]>;

/** Parses a CSP; undefined when it cannot be (a directive repeated, or nothing at all). */
export function parsePolicy(value: string): Policy | undefined {
  const policy = new Map<string, string[]>();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (!/^[a-z-]+$/.test(directive) || policy.has(directive)) return undefined;
    policy.set(
      directive,
      sources.map((s) => s.toLowerCase()),
    );
  }
  return policy.size > 0 ? policy : undefined;
}

const broadSources = new Set(['*', 'http:', 'https:', 'data:', 'blob:', 'filesystem:']);

function contentSecurityPolicy(scan: Scan): TestResult {
  const test = 'content-security-policy';
  const value = header(scan, 'content-security-policy');
  if (value === undefined) return { test, result: 'csp-not-implemented', modifier: -25 };
  const policy = parsePolicy(value);
  if (!policy) return { test, result: 'csp-header-invalid', modifier: -25 };
  const effective = (directive: string) => policy.get(directive) ?? policy.get('default-src');
  const scripts = effective('script-src');
  const objects = effective('object-src');
  const styles = effective('style-src') ?? [];
  // CSP2 browsers ignore 'unsafe-inline' next to a hash or nonce; 'strict-dynamic' drops host sources.
  const hashed = scripts?.some((s) => /^'(sha(256|384|512)|nonce)-/.test(s)) ?? false;
  const scriptUnsafe =
    scripts === undefined ||
    objects === undefined ||
    (scripts.includes("'unsafe-inline'") && !hashed) ||
    scripts.some((s) => broadSources.has(s)) ||
    objects.some((s) => broadSources.has(s));
  if (scriptUnsafe) return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
  const active = ['script-src', 'object-src', 'style-src', 'connect-src', 'frame-src', 'font-src', 'default-src'];
  const passive = ['img-src', 'media-src'];
  const http = (directive: string) =>
    (effective(directive) ?? []).some((s) => s === 'http:' || s.startsWith('http://'));
  if (scan.https && active.some(http)) return { test, result: 'csp-implemented-with-insecure-scheme', modifier: -20 };
  if (scripts.includes("'unsafe-eval'")) return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
  if (scan.https && passive.some(http)) {
    return { test, result: 'csp-implemented-with-insecure-scheme-in-passive-content-only', modifier: -10 };
  }
  if (styles.includes("'unsafe-inline'") || styles.some((s) => broadSources.has(s))) {
    return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
  }
  const defaultNone = policy.get('default-src')?.join(' ') === "'none'";
  return defaultNone
    ? { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 }
    : { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

function cookies(scan: Scan, hsts: boolean): TestResult {
  const test = 'cookies';
  const value = header(scan, 'set-cookie');
  if (!value) return { test, result: 'cookies-not-found', modifier: 0 };
  const parsed = value.split('\n').map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const flags = new Map(
      attributes.map((a) => [a.split('=')[0]?.toLowerCase() ?? '', a.split('=')[1]?.toLowerCase() ?? '']),
    );
    const name = pair.split('=')[0]?.toLowerCase() ?? '';
    return { session: /sess|token|auth|login/.test(name), flags };
  });
  const result = (r: string, modifier: number): TestResult => ({ test, result: r, modifier });
  for (const cookie of parsed) {
    const sameSite = cookie.flags.get('samesite');
    if (sameSite !== undefined && !['strict', 'lax'].includes(sameSite))
      return result('cookies-samesite-flag-invalid', -20);
    if (cookie.session && !cookie.flags.has('secure')) {
      return hsts
        ? result('cookies-session-without-secure-flag-but-protected-by-hsts', -10)
        : result('cookies-session-without-secure-flag', -40);
    }
    if (cookie.session && !cookie.flags.has('httponly')) return result('cookies-session-without-httponly-flag', -30);
    if (!cookie.flags.has('secure')) {
      return hsts
        ? result('cookies-without-secure-flag-but-protected-by-hsts', -5)
        : result('cookies-without-secure-flag', -20);
    }
  }
  return parsed.every((c) => c.flags.has('samesite'))
    ? result('cookies-secure-with-httponly-sessions-and-samesite', 5)
    : result('cookies-secure-with-httponly-sessions', 0);
}

function cors(scan: Scan): TestResult {
  const test = 'cross-origin-resource-sharing';
  const origin = header(scan, 'access-control-allow-origin');
  if (origin === undefined) return { test, result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 };
  if (origin.trim() === '*')
    return { test, result: 'cross-origin-resource-sharing-implemented-with-public-access', modifier: 0 };
  const credentials = header(scan, 'access-control-allow-credentials')?.trim().toLowerCase() === 'true';
  return credentials && origin.trim() === 'null'
    ? { test, result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 }
    : { test, result: 'cross-origin-resource-sharing-implemented-with-restricted-access', modifier: 0 };
}

function redirection(scan: Scan): TestResult {
  const test = 'redirection';
  if (scan.redirection === 'to-https') return { test, result: 'redirection-to-https', modifier: 0 };
  if (scan.redirection === 'none-no-http') return { test, result: 'redirection-not-needed-no-http', modifier: 0 };
  return { test, result: 'redirection-missing', modifier: -20 };
}

function referrerPolicy(scan: Scan): TestResult {
  const test = 'referrer-policy';
  const value = header(scan, 'referrer-policy');
  if (value === undefined) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
  // Browsers use the last policy they understand.
  const policies = value.split(',').map((p) => p.trim().toLowerCase());
  const known = [
    'no-referrer',
    'same-origin',
    'strict-origin',
    'strict-origin-when-cross-origin',
    'no-referrer-when-downgrade',
    'origin',
    'origin-when-cross-origin',
    'unsafe-url',
  ];
  const last = policies.filter((p) => known.includes(p)).at(-1);
  if (last === undefined) return { test, result: 'referrer-policy-header-invalid', modifier: -5 };
  if (['origin', 'origin-when-cross-origin', 'unsafe-url'].includes(last))
    return { test, result: 'referrer-policy-unsafe', modifier: -5 };
  if (last === 'no-referrer-when-downgrade')
    return { test, result: 'referrer-policy-no-referrer-when-downgrade', modifier: 0 };
  return { test, result: 'referrer-policy-private', modifier: 5 };
}

const sixMonths = 15_768_000;

function strictTransportSecurity(scan: Scan): TestResult {
  const test = 'strict-transport-security';
  if (!scan.https) return { test, result: 'hsts-not-implemented-no-https', modifier: -20 };
  const value = header(scan, 'strict-transport-security');
  if (value === undefined) return { test, result: 'hsts-not-implemented', modifier: -20 };
  const maxAge = /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?\s*(?:;|$)/i.exec(value)?.[1];
  if (maxAge === undefined) return { test, result: 'hsts-header-invalid', modifier: -20 };
  return Number(maxAge) >= sixMonths
    ? { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
    : { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
}

function subresourceIntegrity(scan: Scan): TestResult {
  const test = 'subresource-integrity';
  const type = header(scan, 'content-type') ?? '';
  if (!scan.html || !/html/i.test(type)) return { test, result: 'sri-not-implemented-response-not-html', modifier: 0 };
  const scripts = [...scan.html.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1] ?? '')
    .flatMap((attributes) => {
      const src = /\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
      return src === undefined
        ? []
        : [{ url: new URL(src, scan.origin), integrity: /\sintegrity\s*=/i.test(attributes) }];
    });
  if (scripts.length === 0) return { test, result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 };
  const external = scripts.filter((s) => s.url.origin !== scan.origin);
  const insecure = external.some((s) => s.url.protocol !== 'https:');
  const allIntegrity = scripts.every((s) => s.integrity);
  if (allIntegrity) {
    if (insecure) return { test, result: 'sri-implemented-but-external-scripts-not-loaded-securely', modifier: -20 };
    return external.length === 0
      ? { test, result: 'sri-implemented-and-all-scripts-loaded-securely', modifier: 5 }
      : { test, result: 'sri-implemented-and-external-scripts-loaded-securely', modifier: 5 };
  }
  if (external.length === 0)
    return { test, result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 };
  return insecure
    ? { test, result: 'sri-not-implemented-and-external-scripts-not-loaded-securely', modifier: -50 }
    : { test, result: 'sri-not-implemented-but-external-scripts-loaded-securely', modifier: -5 };
}

function contentTypeOptions(scan: Scan): TestResult {
  const test = 'x-content-type-options';
  const value = header(scan, 'x-content-type-options');
  if (value === undefined) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
  return value.trim().toLowerCase() === 'nosniff'
    ? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
    : { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function frameOptions(scan: Scan): TestResult {
  const test = 'x-frame-options';
  const csp = parsePolicy(header(scan, 'content-security-policy') ?? '');
  if (csp?.has('frame-ancestors')) return { test, result: 'x-frame-options-implemented-via-csp', modifier: 5 };
  const value = header(scan, 'x-frame-options')?.trim().toLowerCase();
  if (value === undefined) return { test, result: 'x-frame-options-not-implemented', modifier: -20 };
  if (value === 'deny' || value === 'sameorigin')
    return { test, result: 'x-frame-options-sameorigin-or-deny', modifier: 0 };
  if (value.startsWith('allow-from ')) return { test, result: 'x-frame-options-allow-from-origin', modifier: 0 };
  return { test, result: 'x-frame-options-header-invalid', modifier: -20 };
}

function crossOriginResourcePolicy(scan: Scan): TestResult {
  const test = 'cross-origin-resource-policy';
  const value = header(scan, 'cross-origin-resource-policy')?.trim().toLowerCase();
  if (value === undefined) return { test, result: 'corp-not-implemented', modifier: 0 };
  if (value === 'same-origin' || value === 'same-site')
    return { test, result: 'corp-implemented-with-same-origin', modifier: 0 };
  if (value === 'cross-origin') return { test, result: 'corp-implemented-with-cross-origin', modifier: 0 };
  return { test, result: 'corp-header-invalid', modifier: -5 };
}

/** Scores a scan as the Observatory does and gives its letter grade. */
export function gradeHeaders(scan: Scan): Grade {
  const hsts = strictTransportSecurity(scan);
  const results = [
    contentSecurityPolicy(scan),
    cookies(scan, hsts.modifier === 0),
    cors(scan),
    redirection(scan),
    referrerPolicy(scan),
    hsts,
    subresourceIntegrity(scan),
    contentTypeOptions(scan),
    frameOptions(scan),
    crossOriginResourcePolicy(scan),
  ];
  const withoutBonus = 100 + results.reduce((sum, r) => sum + Math.min(r.modifier, 0), 0);
  const bonus = withoutBonus >= 90 ? results.reduce((sum, r) => sum + Math.max(r.modifier, 0), 0) : 0;
  const score = Math.max(0, withoutBonus + bonus);
  const grade = grades.find(([floor]) => score >= floor)?.[1] ?? 'F';
  return { score, grade, results };
}
