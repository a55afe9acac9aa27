import { XMLValidator } from 'fast-xml-parser';

/** Whether a text is well-formed XML. */
export function isWellFormedXml(xml: string): boolean {
  // XMLValidator is deprecated in favour of a separate package; it still ships and works, and one XML dependency is enough.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return XMLValidator.validate(xml) === true;
}
