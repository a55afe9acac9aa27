import type { Thing, WithContext } from 'schema-dts';
import { serializeJsonLd } from '@/lib/structured-data';

/**
 * Structured data for search engines, in the server HTML. Besides
 * sanitized-html.tsx this is the only raw HTML the site writes: JSON escaped by
 * serializeJsonLd, so no field can close the script element.
 */
export function JsonLd({ data }: { readonly data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
