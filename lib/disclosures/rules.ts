import { TZDate } from "@date-fns/tz";
import { addCalendarDays, PROGRAM_TIME_ZONE, todayInMassachusetts, type CalendarDate } from "../dates/calendar";

/**
 * Digits only, with a leading US country code dropped: "(617) 555-0100", "617.555.0100" and
 * "+1 617 555 0100" are the same number.
 */
export function phoneDigits(input: string | null | undefined): string {
  const d = (input ?? "").replace(/\D/g, "");
  return d.length === 11 && d.startsWith("1") ? d.slice(1) : d;
}

/**
 * U-8: a law-enforcement request is confirmed by calling back a number already on file for the
 * agency, never one the caller gives. The number the requester gave must be that number.
 */
export function callbackMatches(given: string | null | undefined, onFile: string | null | undefined): boolean {
  const a = phoneDigits(given);
  const b = phoneDigits(onFile);
  return a.length >= 7 && a === b;
}

/**
 * The next business day after `d`: Saturday and Sunday are skipped. Massachusetts legal holidays
 * are not skipped yet (no holiday calendar in the app): a written request due on a holiday is
 * simply shown as due that day, which is earlier, never later, than the rule allows.
 */
export function nextBusinessDay(d: CalendarDate): CalendarDate {
  let next = addCalendarDays(d, 1);
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next = addCalendarDays(next, 1);
  return next;
}

/** The close of business (5 pm, Massachusetts time) on a calendar date, as an instant. */
export function closeOfBusiness(d: CalendarDate): Date {
  return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 17, 0, 0, PROGRAM_TIME_ZONE).getTime());
}

/** U-8: after an emergency oral request, the written one is due within one business day. */
export function writtenRequestDueAt(now: Date = new Date()): Date {
  return closeOfBusiness(nextBusinessDay(todayInMassachusetts(now)));
}

/** U-16: a delayed participant notice is reviewed every 30 days. */
export const NOTICE_DELAY_REVIEW_DAYS = 30;

export function noticeDelayReviewOn(now: Date = new Date()): CalendarDate {
  return addCalendarDays(todayInMassachusetts(now), NOTICE_DELAY_REVIEW_DAYS);
}
