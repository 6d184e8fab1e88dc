// Calendar dates travel as ISO strings (YYYY-MM-DD) and are shown the en-GB way: 5 November 2013.
// Working from the string avoids the off-by-one-day errors that time zones bring to Date objects.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** `2013-11-05` → `5 November 2013`. A full timestamp is shown as its UK calendar date. */
export function formatDate(iso: string): string {
  const date = parseIsoDate(iso.length > 10 ? ukCalendarDate(iso) : iso);
  if (!date) throw new RangeError(`Not a date: ${iso}`);
  return `${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** The UK calendar date (Europe/London) of an ISO timestamp, as YYYY-MM-DD. */
export function ukCalendarDate(timestamp: string): string {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a timestamp: ${timestamp}`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** UK public-sector financial years run 1 April to 31 March: `2013-11-05` is in `2013-14`. */
export function financialYearOf(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`Not a date: ${iso}`);
  return financialYearLabel(date.month >= 4 ? date.year : date.year - 1);
}

/** The label of the financial year starting in April of `startYear`: 2013 → `2013-14`, 1999 → `1999-00`. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
