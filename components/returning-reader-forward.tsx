import { scriptCookie } from '@/lib/script';

/**
 * The whole script of `/` in the static export: a reader who chose a script
 * before (the switch sets the cookie) goes straight to it; everyone else,
 * crawlers included, sees the two links. A fixed string, so a Content
 * Security Policy can allow it by its hash.
 */
export const returningReaderScript = `(function(){var m=/(?:^|;\\s*)${scriptCookie}=(zh-han[st])(?:;|$)/.exec(document.cookie);if(m)location.replace('/'+m[1]);})();`;

/** Forwards a returning reader from `/` to the script they chose last time. */
export function ReturningReaderForward() {
  return <script dangerouslySetInnerHTML={{ __html: returningReaderScript }} />;
}
