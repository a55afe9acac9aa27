import { expect, type APIResponse } from '@playwright/test';
import { gradeHeaders } from '../../support/observatory';

/**
 * Grades a served page's headers by the Observatory's rules and expects A+ with no penalty. The server
 * under test stands for the deployed site: served over https with HSTS on, http redirected to https
 * by the front (SITE_URL is https; deploy/nginx.conf is the front).
 */
export async function expectHeadersGradedAPlus(response: APIResponse, baseURL: string | undefined): Promise<void> {
  const grade = gradeHeaders({
    headers: response.headers(),
    html: await response.text(),
    origin: new URL(baseURL ?? '').origin,
    https: true,
    redirection: 'to-https',
  });
  expect(grade.results.filter((r) => r.modifier < 0)).toEqual([]);
  expect(grade.grade).toBe('A+');
}
