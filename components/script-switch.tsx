'use client';

import { scriptCookie, scriptCookieMaxAge } from '@/lib/script';

/**
 * The 简/繁 switch: a plain link to the same page in the other script, so it
 * works without JavaScript. Under `next start`, a click also remembers the choice
 * for `/` in a cookie. The static export ships no client runtime, so this never
 * runs there: nginx sets the same cookie when it serves a script's pages. Sighted readers see one character in the target script;
 * screen readers hear "切换至繁體中文", each part in its own language.
 */
export function ScriptSwitch(props: {
  readonly href: string;
  readonly target: string;
  readonly lang: string;
  /** One character in the target script: 简 or 繁. */
  readonly label: string;
  /** "Switch to", in the page's script. */
  readonly switchTo: string;
  /** The target script's name, written in that script. */
  readonly name: string;
}) {
  return (
    <a
      className="script-switch"
      href={props.href}
      hrefLang={props.lang}
      onClick={() => {
        document.cookie = `${scriptCookie}=${props.target}; path=/; max-age=${scriptCookieMaxAge}; samesite=lax`;
      }}
    >
      <span aria-hidden="true" lang={props.lang}>
        {props.label}
      </span>
      <span className="visually-hidden">
        {props.switchTo}
        <span lang={props.lang}>{props.name}</span>
      </span>
    </a>
  );
}
