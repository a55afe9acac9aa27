import { returningReaderScript } from '@/lib/site-scripts';

/**
 * Forwards a returning reader from `/` to the script they chose last time: an
 * external file of the site (no inline JS, so the page needs no CSP hash).
 */
export function ReturningReaderForward() {
  // Parser-blocking on purpose: a few hundred bytes from the site itself, run before the two
  // links paint, so a returning reader is forwarded without seeing the choice flash first.
  // eslint-disable-next-line @next/next/no-sync-scripts
  return <script src={returningReaderScript.path} />;
}
