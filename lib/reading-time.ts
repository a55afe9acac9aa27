/**
 * Reading time for Chinese text. Chinese has no spaces between words, so a
 * word count means nothing: the unit is the character. Each Han, kana or
 * Hangul character is one unit, and so is each run of Latin letters or digits
 * (OpenAI, 5000, 4.5), read at a glance like a single character.
 */

/**
 * Silent reading of Chinese prose is usually put at 300 to 500 characters a
 * minute; news is read at the middle of that range.
 */
export const charactersPerMinute = 400;

// One CJK character, or one run of letters and digits in an alphabetic script with its inner . , ' - (4.5, 1,000, don't).
const readingUnit =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]+(?:[.,'’-][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]+)*/gu;

/**
 * Counts what a reader reads one by one: CJK characters and alphabetic words; punctuation and spaces are free.
 * @example countReadingUnits('OpenAI与软银，5000亿美元') // => 7
 */
export function countReadingUnits(text: string): number {
  return text.match(readingUnit)?.length ?? 0;
}

/**
 * Whole minutes a reader needs for a text, never less than one.
 * @example estimateReadingMinutes('字'.repeat(2000)) // => 5
 */
export function estimateReadingMinutes(text: string): number {
  return Math.max(1, Math.round(countReadingUnits(text) / charactersPerMinute));
}
