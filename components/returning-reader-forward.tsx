import { returningReaderJs } from '@/lib/security/inline-js';

/** Forwards a returning reader from `/` to the script they chose last time. */
export function ReturningReaderForward() {
  return <script dangerouslySetInnerHTML={{ __html: returningReaderJs }} />;
}
