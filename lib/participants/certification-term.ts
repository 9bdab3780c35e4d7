import { addCalendarYears, type CalendarDate } from "../dates/calendar";

/** 130.04(6): certification lasts four years (U-5: a setting; the default is the regulation's). */
export const CERTIFICATION_TERM_YEARS = 4;

/** The expiry date (the last valid day) of a certification effective on `effectiveOn`. */
export function certificationExpiry(effectiveOn: CalendarDate, termYears = CERTIFICATION_TERM_YEARS): CalendarDate {
  return addCalendarYears(effectiveOn, termYears);
}
