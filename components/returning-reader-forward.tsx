import { returningReaderScript } from '@/lib/security/inline-scripts';

/** Forwards a returning reader from `/` to the script they chose last time. */
export function ReturningReaderForward() {
  return <script dangerouslySetInnerHTML={{ __html: returningReaderScript }} />;
}
