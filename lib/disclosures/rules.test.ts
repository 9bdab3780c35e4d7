import { describe, expect, it } from "vitest";
import { calendarDate, isoDate } from "../dates/calendar";
import { callbackMatches, nextBusinessDay, noticeDelayReviewOn, phoneDigits, writtenRequestDueAt } from "./rules";
import { recordRequestSchema, routeProblems } from "./schema";

describe("next business day (U-8: the written request follows an emergency one within 1 business day)", () => {
  it("is the next weekday; Friday, Saturday and Sunday give Monday", () => {
    // 2025-03-03 is a Monday.
    const next = (d: string) => isoDate(nextBusinessDay(calendarDate(d)));
    expect(next("2025-03-03")).toBe("2025-03-04");
    expect(next("2025-03-06")).toBe("2025-03-07");
    expect(next("2025-03-07")).toBe("2025-03-10");
    expect(next("2025-03-08")).toBe("2025-03-10");
    expect(next("2025-03-09")).toBe("2025-03-10");
    // Across a month and a year.
    expect(next("2025-01-31")).toBe("2025-02-03");
    expect(next("2027-12-31")).toBe("2028-01-03");
  });

  it("sets the written request's due time at 5 pm Massachusetts time on that day, whatever the server's zone", () => {
    // Friday 2025-03-07 at 23:30 in Boston is already Saturday in UTC: due Monday 10 March, 5 pm EDT.
    expect(writtenRequestDueAt(new Date("2025-03-08T04:30:00Z")).toISOString()).toBe("2025-03-10T21:00:00.000Z");
    // A Tuesday in winter (EST): due Wednesday 5 pm = 22:00 UTC.
    expect(writtenRequestDueAt(new Date("2025-01-14T15:00:00Z")).toISOString()).toBe("2025-01-15T22:00:00.000Z");
  });

  it("reviews a delayed notice 30 days later (U-16)", () => {
    expect(isoDate(noticeDelayReviewOn(new Date("2025-03-07T15:00:00Z")))).toBe("2025-04-06");
  });
});

describe("callback number (U-8: a number already on file for the agency)", () => {
  it("compares digits only, ignoring punctuation and a leading US country code", () => {
    expect(phoneDigits("+1 (617) 555-0100")).toBe("6175550100");
    expect(callbackMatches("(617) 555-0100", "617.555.0100")).toBe(true);
    expect(callbackMatches("1-617-555-0100", "617 555 0100")).toBe(true);
    expect(callbackMatches("+1 617 555 0100", "6175550100")).toBe(true);
  });

  it("refuses a different number, a missing one, or a fragment", () => {
    expect(callbackMatches("617-555-0101", "617-555-0100")).toBe(false);
    expect(callbackMatches("617-555-0100", null)).toBe(false);
    expect(callbackMatches(null, "617-555-0100")).toBe(false);
    expect(callbackMatches("", "")).toBe(false);
    expect(callbackMatches("555", "555")).toBe(false);
  });
});

describe("each route's required fields (rules 4.2)", () => {
  const base = { participantNumber: "1234567897", fields: "residence", requesterName: "Ann Officer", requesterTitle: "Sergeant", requesterOrganisation: "Demo PD", reason: "Serving a warrant." };
  const problems = (over: Record<string, string>) => {
    const r = recordRequestSchema.safeParse({ ...base, ...over });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("law enforcement: agency on file, callback number, named officer, and a signed request unless an emergency", () => {
    expect(Object.keys(problems({ route: "LAW_ENFORCEMENT" })).sort()).toEqual(["agencyId", "callbackNumber", "namedOfficer", "signed"]);
    expect(problems({ route: "LAW_ENFORCEMENT", agencyId: "a1", callbackNumber: "617-555-0100", namedOfficer: "Det. Demo", emergency: "yes" })).toEqual({});
    expect(problems({ route: "LAW_ENFORCEMENT", agencyId: "a1", callbackNumber: "617-555-0100", namedOfficer: "Det. Demo", signed: "yes" })).toEqual({ signerName: "Validation.signerNameRequired" });
  });

  it("agency commissioner: who asks, the designation of a designee, and the need shown", () => {
    expect(Object.keys(problems({ route: "AGENCY_COMMISSIONER" })).sort()).toEqual(["authority", "needShown"]);
    expect(Object.keys(problems({ route: "AGENCY_COMMISSIONER", authority: "DESIGNEE", needShown: "A statutory duty to serve notice." }))).toEqual(["designation"]);
  });

  it("false information: the staff confirmation of the ground", () => {
    expect(Object.keys(problems({ route: "FALSE_INFORMATION" }))).toEqual(["falseInformationConfirmed"]);
    expect(routeProblems({ ...recordRequestSchema.parse({ ...base, route: "FALSE_INFORMATION", falseInformationConfirmed: "yes" }) })).toEqual({});
  });

  it("every route: a valid participant number, at least one field, and whom the request comes from", () => {
    expect(Object.keys(problems({ route: "COURT_ORDER", participantNumber: "1234567890", fields: "", requesterOrganisation: "" })).sort()).toEqual(["fields", "participantNumber", "requesterOrganisation"]);
    expect(problems({ route: "COURT_ORDER", fields: "residence,bank-account" })).toEqual({ fields: "Validation.disclosureFields" });
  });
});
