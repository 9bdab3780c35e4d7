import { TZDate } from "@date-fns/tz";
import { addDays, addYears, format } from "date-fns";

/** Program dates are Massachusetts calendar dates (130.04(4),(6)). */
export const PROGRAM_TIME_ZONE = "America/New_York";

/**
 * A calendar date with no time of day, held as a Date at UTC midnight: the shape Prisma gives and
 * takes for `@db.Date` columns. All arithmetic happens in UTC so the server's own zone never matters.
 */
export type CalendarDate = Date;

export function calendarDate(isoDate: string): CalendarDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== isoDate) throw new RangeError(`not a calendar date: ${isoDate}`);
  return d;
}

export function isoDate(d: CalendarDate): string {
  return d.toISOString().slice(0, 10);
}

/** Today's date in Massachusetts (the day a decision is made there, whatever the server's zone). */
export function todayInMassachusetts(now: Date = new Date()): CalendarDate {
  return calendarDate(format(new TZDate(now, PROGRAM_TIME_ZONE), "yyyy-MM-dd"));
}

export function addCalendarDays(d: CalendarDate, days: number): CalendarDate {
  return new Date(addDays(new TZDate(d, "UTC"), days).getTime());
}

/** 29 February plus a non-leap number of years gives 28 February (date-fns' rule). */
export function addCalendarYears(d: CalendarDate, years: number): CalendarDate {
  return new Date(addYears(new TZDate(d, "UTC"), years).getTime());
}
