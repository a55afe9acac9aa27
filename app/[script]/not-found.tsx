import { script } from 'next/root-params';
import { NotFoundContent } from '@/components/not-found-content';
import { isScript } from '@/lib/script';
import { site } from '@/lib/site';

// Shown when a page under a known script calls notFound().
export default async function NotFound() {
  const current = await script();
  return <NotFoundContent script={isScript(current) ? current : site.defaultScript} />;
}
