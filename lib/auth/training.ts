import { addCalendarYears, todayInMassachusetts } from "../dates/calendar";

/** SEC-13: training older than 12 months (a setting; default the rule's) blocks protected data. */
export const TRAINING_VALID_MONTHS = 12;

export function trainingCurrent(acknowledgedOn: Date | null, now = new Date()): boolean {
  if (!acknowledgedOn) return false;
  return addCalendarYears(acknowledgedOn, TRAINING_VALID_MONTHS / 12) >= todayInMassachusetts(now);
}
