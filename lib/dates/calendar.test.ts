import { describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarYears, calendarDate, isoDate, todayInMassachusetts } from "./calendar";
import { certificationExpiry } from "../participants/certification-term";

describe("calendar dates", () => {
  it("parses only real calendar dates", () => {
    expect(isoDate(calendarDate("2028-02-29"))).toBe("2028-02-29");
    expect(() => calendarDate("2027-02-29")).toThrow(RangeError);
    expect(() => calendarDate("2026-13-01")).toThrow(RangeError);
    expect(() => calendarDate("11/24/2026")).toThrow(RangeError);
  });

  it("takes today's date in Massachusetts, not the server's zone", () => {
    // 03:30 UTC on 1 March is still 28 February in Boston (UTC-5).
    expect(isoDate(todayInMassachusetts(new Date("2027-03-01T03:30:00Z")))).toBe("2027-02-28");
    // Daylight time: 03:30 UTC on 1 July is 23:30 on 30 June in Boston (UTC-4).
    expect(isoDate(todayInMassachusetts(new Date("2027-07-01T03:30:00Z")))).toBe("2027-06-30");
    expect(isoDate(todayInMassachusetts(new Date("2027-07-01T04:30:00Z")))).toBe("2027-07-01");
  });

  it("adds days across month and year ends and DST changes", () => {
    expect(isoDate(addCalendarDays(calendarDate("2026-12-31"), 1))).toBe("2027-01-01");
    expect(isoDate(addCalendarDays(calendarDate("2027-03-13"), 1))).toBe("2027-03-14");
    expect(isoDate(addCalendarDays(calendarDate("2027-03-01"), -1))).toBe("2027-02-28");
  });

  it("adds years; 29 February lands on 28 February in a common year", () => {
    expect(isoDate(addCalendarYears(calendarDate("2024-02-29"), 1))).toBe("2025-02-28");
    expect(isoDate(addCalendarYears(calendarDate("2024-02-29"), 4))).toBe("2028-02-29");
  });
});

describe("certification term (130.04(6))", () => {
  it("expires four years after the effective date", () => {
    expect(isoDate(certificationExpiry(calendarDate("2026-11-24")))).toBe("2030-11-24");
    expect(isoDate(certificationExpiry(calendarDate("2028-02-29")))).toBe("2032-02-29");
    expect(isoDate(certificationExpiry(calendarDate("2027-02-28")))).toBe("2031-02-28");
  });
});
