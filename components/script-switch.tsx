'use client';

import { scriptCookie } from '@/lib/script';

const oneYear = 60 * 60 * 24 * 365;

/**
 * The 简/繁 switch: a plain link to the same page in the other script, so it
 * works without JavaScript. With JavaScript, a click also remembers the choice
 * for `/` in a cookie.
 */
export function ScriptSwitch(props: {
  readonly href: string;
  readonly target: string;
  readonly lang: string;
  readonly label: string;
  readonly title: string;
}) {
  return (
    <a
      className="script-switch"
      href={props.href}
      hrefLang={props.lang}
      lang={props.lang}
      title={props.title}
      onClick={() => {
        document.cookie = `${scriptCookie}=${props.target}; path=/; max-age=${oneYear}; samesite=lax`;
      }}
    >
      {props.label}
    </a>
  );
}
