import { script } from 'next/root-params';
import { NotFoundContent } from '@/components/not-found-content';
import { isScript } from '@/lib/script';
import { site } from '@/lib/site';

// Shown when a page under a known script calls notFound().
export default async function NotFound() {
  // next/root-params's getters are generated per app and typed `any` outside a build; the value is narrowed below.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call
  const current: unknown = await script();
  return <NotFoundContent script={isScript(current) ? current : site.defaultScript} />;
}
