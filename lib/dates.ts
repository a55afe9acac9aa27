/**
 * Dates as editors write them and readers see them. Content dates are strings
 * (the YAML core schema keeps them so) and are checked here against the
 * calendar, because `new Date('2025-02-30')` silently becomes 2 March.
 */

/** The newsroom's time zone: a date without a time means this calendar day. */
export const newsroomTimeZone = 'Asia/Shanghai';
const newsroomOffset = '+08:00';

export interface ContentDate {
  /** As written by the editor, for `<time datetime>`: a date, or a date-time with its offset. */
  readonly iso: string;
  /** The moment it stands for (a bare date: its start in Beijing), for sorting and scheduling. */
  readonly instant: Date;
  readonly dateOnly: boolean;
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Reads an ISO 8601 date (a Beijing calendar day) or date-time with an offset; undefined when invalid.
 * @example parseContentDate('2025-07-23')?.instant.toISOString() // => '2025-07-22T16:00:00.000Z'
 */
export function parseContentDate(value: string): ContentDate | undefined {
  const day = dateOnly.exec(value);
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number];
    if (!isCalendarDay(y, m, d)) return undefined;
    return { iso: value, instant: new Date(`${value}T00:00:00${newsroomOffset}`), dateOnly: true };
  }
  const time = dateTime.exec(value);
  if (!time) return undefined;
  const [y = 0, m = 0, d = 0, h = 0, min = 0, s = 0] = time.slice(1, 7).map(Number);
  const offsetHours = time[8] === undefined ? 0 : Number(time[8]);
  const offsetMinutes = time[9] === undefined ? 0 : Number(time[9]);
  if (!isCalendarDay(y, m, d) || h > 23 || min > 59 || s > 59 || offsetHours > 14 || offsetMinutes > 59) {
    return undefined;
  }
  return { iso: value, instant: new Date(value), dateOnly: false };
}

const beijingParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: newsroomTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsInBeijing(instant: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(beijingParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

/**
 * The instant as an RFC 3339 date-time in Beijing time, for `<time datetime>` and feeds.
 * @example toBeijingIso(new Date('2025-07-23T08:01:00Z')) // => '2025-07-23T16:01:00+08:00'
 */
export function toBeijingIso(instant: Date): string {
  const p = partsInBeijing(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${newsroomOffset}`;
}

/**
 * A date as Chinese readers write it, on the Beijing calendar.
 * @example formatChineseDate(parseContentDate('2025-07-23')!) // => '2025年7月23日'
 */
export function formatChineseDate(date: ContentDate): string {
  const p = partsInBeijing(date.instant);
  return `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日`;
}

/**
 * A headline's time, short: month, day and Beijing clock time.
 * @example formatHeadlineTime(parseContentDate('2025-07-23T16:01:00+08:00')!) // => '7月23日 16:01'
 */
export function formatHeadlineTime(date: ContentDate): string {
  const p = partsInBeijing(date.instant);
  const day = `${Number(p.month)}月${Number(p.day)}日`;
  return date.dateOnly ? day : `${day} ${p.hour}:${p.minute}`;
}
