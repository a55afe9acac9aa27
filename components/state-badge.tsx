import type { PublicationState } from '@/lib/articles';
import type { Labels } from '@/lib/labels';

/** Marks a draft or scheduled article; such articles exist only in `next dev`. */
export function StateBadge({ state, labels }: { readonly state: PublicationState; readonly labels: Labels }) {
  if (state === 'published') return null;
  return <span className={`state-badge state-${state}`}>{state === 'draft' ? labels.draft : labels.scheduled}</span>;
}
