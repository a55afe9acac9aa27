/**
 * The one place the site renders raw HTML. Its input must come from
 * lib/sanitize.ts (through renderMarkdown), never from anywhere else.
 */
export function SanitizedHtml({ html, className }: { readonly html: string; readonly className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
