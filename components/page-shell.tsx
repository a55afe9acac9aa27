import type { ReactNode } from 'react';
import { getLabels } from '@/lib/labels';
import { getScriptInfo, otherScript, scriptPath, type Script } from '@/lib/script';
import { ScriptSwitch } from './script-switch';
import { SearchBox } from './search-box';

/** The frame of every page: header with the 简/繁 switch and the search box, the main content, the footer. */
export function PageShell(props: {
  readonly script: Script;
  /** The page's path after the script, so the switch leads to the same page. */
  readonly path: string;
  readonly children: ReactNode;
  /** JSON-LD for search engines, kept out of <main>: it describes the page, it is not part of it. */
  readonly structuredData?: ReactNode;
}) {
  const labels = getLabels(props.script);
  const other = otherScript(props.script);
  const otherInfo = getScriptInfo(other);
  return (
    <>
      {props.structuredData}
      <a className="skip-link" href="#main">
        {labels.skipToContent}
      </a>
      <header className="site-header">
        <a className="site-name" href={scriptPath(props.script)}>
          {labels.siteName}
        </a>
        <nav aria-label={labels.mainNav} className="site-nav">
          <a href={scriptPath(props.script)}>{labels.home}</a>
          <ScriptSwitch
            href={scriptPath(other, props.path)}
            target={other}
            lang={otherInfo.lang}
            label={otherInfo.label}
            switchTo={labels.switchTo}
            name={otherInfo.name}
          />
        </nav>
        <SearchBox script={props.script} />
      </header>
      <main id="main" className="site-main">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>
          {labels.siteName} · {labels.attribution}
        </p>
      </footer>
    </>
  );
}
