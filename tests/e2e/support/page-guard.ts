import type { Page } from '@playwright/test';

/** What a page did that the site never ships: all lists are empty on a safe page. */
export interface GuardReport {
  readonly dialogs: string[];
  readonly calls: string[];
  readonly violations: string[];
  readonly foreignRequests: string[];
  readonly pageErrors: string[];
  readonly navigations: string[];
}

/**
 * Watches a page for any sign of a script the site did not ship: dialogs, calls
 * to the functions hostile vectors reach for, CSP violations, requests leaving
 * the origin (aborted, so nothing really leaves), uncaught errors, and navigations away.
 */
export async function guardPage(page: Page, origin: string): Promise<GuardReport> {
  const report: GuardReport = {
    dialogs: [],
    calls: [],
    violations: [],
    foreignRequests: [],
    pageErrors: [],
    navigations: [],
  };
  page.on('dialog', async (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => report.pageErrors.push(error.message));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).origin !== origin) report.navigations.push(frame.url());
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    report.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await page.exposeFunction('__guardReport', (kind: 'call' | 'violation', detail: string) => {
    (kind === 'call' ? report.calls : report.violations).push(detail);
  });
  await page.addInitScript(() => {
    const send = (window as unknown as { __guardReport: (kind: string, detail: string) => void }).__guardReport;
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => send('call', `${name}(${args.join(',')})`),
      });
    }
    document.addEventListener('securitypolicyviolation', (event) =>
      send('violation', `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`),
    );
  });
  return report;
}

/** The parts of a report that must be empty. */
export function findings(report: GuardReport): Partial<GuardReport> {
  const entries: [keyof GuardReport, string[]][] = [
    ['dialogs', report.dialogs],
    ['calls', report.calls],
    ['violations', report.violations],
    ['foreignRequests', report.foreignRequests],
    ['pageErrors', report.pageErrors],
    ['navigations', report.navigations],
  ];
  return Object.fromEntries(entries.filter(([, list]) => list.length > 0));
}
