import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  nginxSecurityHeaders,
  staticSecurityHeaders,
  type InlineJsSource,
} from '@/lib/security/headers';
import { gradeHeaders, parsePolicy, type Scan } from '../support/observatory';

const hashes: InlineJsSource[] = [
  "'sha256-1mwnLlQ6lxX8IyKOQsDcaYNMI57bsnBkYWJ29VfzEas='",
  "'sha256-OBTN3RiyCV4Bq7dFqZ5a2pAXjnCcCYeTJMO2I/LYKeo='",
];
const page = '<script src="/_next/static/chunks/a.js" async></script><script>self.__next_f=[]</script>';

function scanOf(headers: Record<string, string>, https = true): Scan {
  return {
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    html: page,
    origin: 'https://news.example',
    https,
    redirection: 'to-https',
  };
}

function siteHeaders(https: boolean, csp = contentSecurityPolicy(hashes)): Record<string, string> {
  return {
    ...Object.fromEntries(staticSecurityHeaders(https).map(({ key, value }) => [key, value])),
    'Content-Security-Policy': csp,
  };
}

describe('the page Content-Security-Policy', () => {
  const policy = parsePolicy(contentSecurityPolicy(hashes));

  it('lets scripts run only from the site and from the hashed inline scripts', () => {
    expect(policy?.get('script-src')).toEqual(["'self'", ...hashes.map((h) => h.toLowerCase())]);
  });

  it('never allows unsafe-inline or unsafe-eval', () => {
    expect(contentSecurityPolicy(hashes)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('refuses plugins, base URLs, framing and everything not named', () => {
    expect(policy?.get('default-src')).toEqual(["'none'"]);
    expect(policy?.get('object-src')).toEqual(["'none'"]);
    expect(policy?.get('base-uri')).toEqual(["'none'"]);
    expect(policy?.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('loads images from the site only', () => {
    expect(policy?.get('img-src')).toEqual(["'self'"]);
  });
});

describe('the static security headers', () => {
  const names = (https: boolean) => staticSecurityHeaders(https).map((h) => h.key);

  it('send HSTS only for a site served over https', () => {
    expect(names(true)).toContain('Strict-Transport-Security');
    expect(names(false)).not.toContain('Strict-Transport-Security');
  });

  it('forbid sniffing, cross-origin referrers and powerful features', () => {
    const headers = Object.fromEntries(staticSecurityHeaders(true).map(({ key, value }) => [key, value]));
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });
});

describe("grading by the Observatory's rules", () => {
  it('gives the site over https an A+', () => {
    const grade = gradeHeaders(scanOf(siteHeaders(true)));
    expect(grade.grade).toBe('A+');
    expect(grade.score).toBe(120);
  });

  it('takes 20 points for inline scripts allowed wholesale', () => {
    const unsafe = gradeHeaders(scanOf(siteHeaders(true, "default-src 'self'; script-src 'self' 'unsafe-inline'")));
    expect(unsafe.results.find((r) => r.test === 'content-security-policy')).toMatchObject({ modifier: -20 });
    expect(unsafe.grade).not.toBe('A+');
  });

  it('takes 25 points without a CSP, and bonuses only count from 90 points', () => {
    const { 'Content-Security-Policy': _csp, ...rest } = siteHeaders(true);
    const grade = gradeHeaders(scanOf(rest));
    expect(grade.results.find((r) => r.test === 'content-security-policy')?.modifier).toBe(-25);
    expect(grade.score).toBe(75);
  });

  it('counts missing HTTPS against HSTS, as the Observatory does for a plain-http site', () => {
    expect(
      gradeHeaders(scanOf(siteHeaders(false), false)).results.find((r) => r.test === 'strict-transport-security'),
    ).toMatchObject({
      result: 'hsts-not-implemented-no-https',
      modifier: -20,
    });
  });
});

describe('the nginx header block', () => {
  it('is generated from this module (update with `npm run test:unit -- -u`)', async () => {
    await expect(nginxSecurityHeaders()).toMatchFileSnapshot('../../deploy/security-headers.conf');
  });

  it('carries every header next start sends, with the per-page hashes from a map', () => {
    const block = nginxSecurityHeaders();
    for (const { key } of staticSecurityHeaders(true)) expect(block).toContain(`add_header ${key} `);
    expect(block).toContain("script-src 'self' $csp_script_hashes;");
  });
});
