import { describe, expect, it } from "vitest";
import type { ExemptionStatus, Role } from "../db/generated/enums";
import { ROLES } from "../auth/roles";
import { appealTarget, checkTransition, EXEMPTION_STATUSES, EXEMPTION_TRANSITIONS, INTERIM_STATUSES, nextSteps, type StepTaker, type TransitionRequest } from "./status";

const code = (r: TransitionRequest) => {
  try {
    checkTransition(r);
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const req = (r: Partial<TransitionRequest> & Pick<TransitionRequest, "from" | "to" | "by">): TransitionRequest => ({ reviewer: "GENERAL_COUNSEL", note: "A note.", ...r });

/** Who can stand in for a table entry in a request. */
const concrete = (who: StepTaker, reviewer: Role): Role | "SYSTEM" => (who === "APPEAL_REVIEWER" ? reviewer : who);

describe("exemption transitions (3.F; 131.07; U-9)", () => {
  it("allow every row of the table for each role it names, with a note where one is needed", () => {
    for (const reviewer of ["GENERAL_COUNSEL", "PROGRAM_MANAGER"] as Role[]) {
      for (const t of EXEMPTION_TRANSITIONS) for (const who of t.by) expect(code(req({ from: t.from, to: t.to, by: concrete(who, reviewer), reviewer })), `${t.from}>${t.to} by ${who}`).toBe("ok");
    }
  });

  it("refuse every pair of statuses that is not in the table, whoever asks", () => {
    const pairs = new Set(EXEMPTION_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    let refused = 0;
    for (const from of EXEMPTION_STATUSES) for (const to of EXEMPTION_STATUSES) {
      if (pairs.has(`${from}>${to}`)) continue;
      for (const by of [...ROLES, "SYSTEM"] as const) expect(code(req({ from, to, by })), `${from}>${to} by ${by}`).toBe("TRANSITION_REFUSED");
      refused++;
    }
    expect(refused).toBe(EXEMPTION_STATUSES.length ** 2 - pairs.size);
  });

  it("refuse every row to every role it does not name", () => {
    for (const t of EXEMPTION_TRANSITIONS) {
      const allowed = t.by.map((w) => concrete(w, "GENERAL_COUNSEL"));
      for (const by of [...ROLES, "SYSTEM"] as const) {
        if (allowed.includes(by)) continue;
        expect(code(req({ from: t.from, to: t.to, by })), `${t.from}>${t.to} by ${by}`).toBe("NOT_YOUR_STEP");
      }
    }
  });

  it("make expired and revoked grants final", () => {
    for (const from of ["EXPIRED", "REVOKED"] as const) expect(EXEMPTION_TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
  });

  it("let only the Program Manager decide and revoke (131.07(4)–(5))", () => {
    for (const to of ["GRANTED", "WITHHELD"] as const) {
      expect(code(req({ from: "UNDER_REVIEW", to, by: "PROGRAM_MANAGER" }))).toBe("ok");
      for (const by of ["PROGRAM_STAFF", "GENERAL_COUNSEL", "AGENCY_USER"] as const) expect(code(req({ from: "UNDER_REVIEW", to, by }))).toBe("NOT_YOUR_STEP");
    }
    expect(code(req({ from: "INFORMATION_REQUESTED", to: "WITHHELD", by: "PROGRAM_MANAGER" }))).toBe("ok");
    expect(code(req({ from: "INFORMATION_REQUESTED", to: "GRANTED", by: "PROGRAM_MANAGER" }))).toBe("TRANSITION_REFUSED");
    expect(code(req({ from: "SUBMITTED", to: "GRANTED", by: "PROGRAM_MANAGER" }))).toBe("TRANSITION_REFUSED");
    expect(code(req({ from: "GRANTED", to: "REVOKED", by: "PROGRAM_MANAGER" }))).toBe("ok");
    expect(code(req({ from: "GRANTED", to: "REVOKED", by: "PROGRAM_STAFF" }))).toBe("NOT_YOUR_STEP");
  });

  it("let staff ask the agency, and only the agency answer (UNDER_REVIEW ⇄ INFORMATION_REQUESTED)", () => {
    expect(code(req({ from: "UNDER_REVIEW", to: "INFORMATION_REQUESTED", by: "PROGRAM_STAFF" }))).toBe("ok");
    expect(code(req({ from: "UNDER_REVIEW", to: "INFORMATION_REQUESTED", by: "AGENCY_USER" }))).toBe("NOT_YOUR_STEP");
    expect(code(req({ from: "INFORMATION_REQUESTED", to: "UNDER_REVIEW", by: "AGENCY_USER" }))).toBe("ok");
    expect(code(req({ from: "INFORMATION_REQUESTED", to: "UNDER_REVIEW", by: "PROGRAM_STAFF" }))).toBe("NOT_YOUR_STEP");
  });

  it("require written words for a question, an answer, a determination, a revocation, an appeal and a reconsideration", () => {
    expect(EXEMPTION_TRANSITIONS.filter((x) => x.note || x.determination).length).toBe(EXEMPTION_TRANSITIONS.length - 2);
    for (const t of EXEMPTION_TRANSITIONS.filter((x) => x.note || x.determination)) {
      const by = concrete(t.by[0], "GENERAL_COUNSEL");
      expect(code(req({ from: t.from, to: t.to, by, note: "" })), `${t.from}>${t.to}`).toBe("NOTE_REQUIRED");
      expect(code(req({ from: t.from, to: t.to, by, note: "   " })), `${t.from}>${t.to}`).toBe("NOTE_REQUIRED");
    }
    expect(code(req({ from: "SUBMITTED", to: "UNDER_REVIEW", by: "PROGRAM_STAFF", note: "" }))).toBe("ok");
  });

  it("let the agency appeal either decision once, and only the configured reviewer decide it (U-9)", () => {
    for (const from of ["GRANTED", "WITHHELD"] as const) {
      expect(code(req({ from, to: "APPEALED", by: "AGENCY_USER" }))).toBe("ok");
      expect(code(req({ from, to: "APPEALED", by: "AGENCY_USER", reconsidered: true }))).toBe("ALREADY_RECONSIDERED");
      expect(code(req({ from, to: "APPEALED", by: "PROGRAM_MANAGER" }))).toBe("NOT_YOUR_STEP");
    }
    for (const to of ["GRANTED", "WITHHELD"] as const) {
      expect(code(req({ from: "APPEALED", to, by: "GENERAL_COUNSEL" }))).toBe("ok");
      expect(code(req({ from: "APPEALED", to, by: "PROGRAM_MANAGER" }))).toBe("NOT_YOUR_STEP");
      expect(code(req({ from: "APPEALED", to, by: "PROGRAM_MANAGER", reviewer: "PROGRAM_MANAGER" }))).toBe("ok");
      expect(code(req({ from: "APPEALED", to, by: "GENERAL_COUNSEL", reviewer: "PROGRAM_MANAGER" }))).toBe("NOT_YOUR_STEP");
    }
  });

  it("let only the expiry job end a term", () => {
    expect(code(req({ from: "GRANTED", to: "EXPIRED", by: "SYSTEM" }))).toBe("ok");
    for (const by of ROLES) expect(code(req({ from: "GRANTED", to: "EXPIRED", by }))).toBe("NOT_YOUR_STEP");
  });

  it("send an upheld appeal back to the decision appealed and a changed one to the other", () => {
    expect(appealTarget("GRANTED", "UPHELD")).toBe("GRANTED");
    expect(appealTarget("WITHHELD", "UPHELD")).toBe("WITHHELD");
    expect(appealTarget("GRANTED", "CHANGED")).toBe("WITHHELD");
    expect(appealTarget("WITHHELD", "CHANGED")).toBe("GRANTED");
  });

  it("keep the interim rule for review, evaluation and any appeal (131.07(3))", () => {
    expect([...INTERIM_STATUSES].sort()).toEqual(["APPEALED", "INFORMATION_REQUESTED", "SUBMITTED", "UNDER_REVIEW"] satisfies ExemptionStatus[]);
  });

  it("list the steps a role can take next", () => {
    expect(nextSteps("SUBMITTED", "PROGRAM_STAFF", "GENERAL_COUNSEL")).toEqual(["UNDER_REVIEW"]);
    expect(nextSteps("UNDER_REVIEW", "PROGRAM_MANAGER", "GENERAL_COUNSEL").sort()).toEqual(["GRANTED", "INFORMATION_REQUESTED", "WITHHELD"]);
    expect(nextSteps("UNDER_REVIEW", "PROGRAM_STAFF", "GENERAL_COUNSEL")).toEqual(["INFORMATION_REQUESTED"]);
    expect(nextSteps("INFORMATION_REQUESTED", "AGENCY_USER", "GENERAL_COUNSEL")).toEqual(["UNDER_REVIEW"]);
    expect(nextSteps("GRANTED", "AGENCY_USER", "GENERAL_COUNSEL")).toEqual(["APPEALED"]);
    expect(nextSteps("GRANTED", "AGENCY_USER", "GENERAL_COUNSEL", true)).toEqual([]);
    expect(nextSteps("APPEALED", "GENERAL_COUNSEL", "GENERAL_COUNSEL").sort()).toEqual(["GRANTED", "WITHHELD"]);
    expect(nextSteps("APPEALED", "PROGRAM_MANAGER", "GENERAL_COUNSEL")).toEqual([]);
    expect(nextSteps("REVOKED", "PROGRAM_MANAGER", "GENERAL_COUNSEL")).toEqual([]);
  });
});
