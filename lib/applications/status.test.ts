import { describe, expect, it } from "vitest";
import type { ApplicationStatus, Role, Track } from "../db/generated/enums";
import { APPLICATION_TRANSITIONS, checkTransition, nextSteps, type TransitionRequest } from "./status";

const req = (r: Partial<TransitionRequest> & Pick<TransitionRequest, "from" | "to" | "role">): TransitionRequest => ({ track: "SURVIVOR", hasOtherEvidence: false, reasons: "", ...r });
const code = (r: TransitionRequest) => {
  try {
    checkTransition(r);
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

const STATUSES: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL", "CERTIFIED", "DENIED", "WITHDRAWN"];

describe("application transitions (3.A)", () => {
  it("allow every row of the table for its own role, track and evidence", () => {
    for (const t of APPLICATION_TRANSITIONS) {
      const track: Track = t.track ?? "SURVIVOR";
      expect(code(req({ from: t.from, to: t.to, role: t.by[0], track, hasOtherEvidence: t.otherEvidence ?? false, reasons: t.reasons ? "Because." : "" }))).toBe("ok");
    }
  });

  it("refuse every pair that is not in the table", () => {
    const pairs = new Set(APPLICATION_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    for (const from of STATUSES) for (const to of STATUSES) {
      if (!pairs.has(`${from}>${to}`)) expect(code(req({ from, to, role: "PROGRAM_MANAGER" }))).toBe("TRANSITION_REFUSED");
    }
  });

  it("make decided applications final", () => {
    for (const from of ["CERTIFIED", "DENIED", "WITHDRAWN"] as const) expect(APPLICATION_TRANSITIONS.filter((t) => t.from === from)).toEqual([]);
  });

  it("let only an assistant submit on the survivor track and only the applicant on the health-care track (§2(2)(i), U-13)", () => {
    expect(code(req({ from: "DRAFT", to: "SUBMITTED", role: "APPLICATION_ASSISTANT" }))).toBe("ok");
    expect(code(req({ from: "DRAFT", to: "SUBMITTED", role: "HEALTH_CARE_APPLICANT" }))).toBe("NOT_YOUR_STEP");
    expect(code(req({ from: "DRAFT", to: "SUBMITTED", role: "HEALTH_CARE_APPLICANT", track: "HEALTH_CARE" }))).toBe("ok");
    expect(code(req({ from: "DRAFT", to: "SUBMITTED", role: "APPLICATION_ASSISTANT", track: "HEALTH_CARE" }))).toBe("NOT_YOUR_STEP");
  });

  it("let only the PM certify, and need the GC when the evidence is other (130.04(1), (2)(c)(2))", () => {
    expect(code(req({ from: "UNDER_REVIEW", to: "CERTIFIED", role: "PROGRAM_STAFF" }))).toBe("NOT_YOUR_STEP");
    expect(code(req({ from: "UNDER_REVIEW", to: "CERTIFIED", role: "PROGRAM_MANAGER", hasOtherEvidence: true }))).toBe("GC_APPROVAL_REQUIRED");
    expect(code(req({ from: "UNDER_REVIEW", to: "PENDING_GC_APPROVAL", role: "PROGRAM_MANAGER", hasOtherEvidence: true }))).toBe("ok");
    expect(code(req({ from: "UNDER_REVIEW", to: "PENDING_GC_APPROVAL", role: "PROGRAM_MANAGER", hasOtherEvidence: false }))).toBe("GC_APPROVAL_REQUIRED");
    expect(code(req({ from: "PENDING_GC_APPROVAL", to: "CERTIFIED", role: "PROGRAM_MANAGER" }))).toBe("NOT_YOUR_STEP");
    expect(code(req({ from: "PENDING_GC_APPROVAL", to: "CERTIFIED", role: "GENERAL_COUNSEL" }))).toBe("ok");
    // Health-care track: the PM alone decides, whatever the evidence (U-13).
    expect(code(req({ from: "UNDER_REVIEW", to: "CERTIFIED", role: "PROGRAM_MANAGER", track: "HEALTH_CARE", hasOtherEvidence: true }))).toBe("ok");
    expect(code(req({ from: "UNDER_REVIEW", to: "PENDING_GC_APPROVAL", role: "PROGRAM_MANAGER", track: "HEALTH_CARE", hasOtherEvidence: true }))).toBe("TRANSITION_REFUSED");
  });

  it("require written reasons for a denial, a request for documents and a return by counsel", () => {
    expect(code(req({ from: "UNDER_REVIEW", to: "DENIED", role: "PROGRAM_MANAGER" }))).toBe("REASON_REQUIRED");
    expect(code(req({ from: "UNDER_REVIEW", to: "DENIED", role: "PROGRAM_MANAGER", reasons: "  " }))).toBe("REASON_REQUIRED");
    expect(code(req({ from: "UNDER_REVIEW", to: "AWAITING_DOCUMENTS", role: "PROGRAM_STAFF" }))).toBe("REASON_REQUIRED");
    expect(code(req({ from: "PENDING_GC_APPROVAL", to: "UNDER_REVIEW", role: "GENERAL_COUNSEL" }))).toBe("REASON_REQUIRED");
    expect(code(req({ from: "UNDER_REVIEW", to: "DENIED", role: "PROGRAM_MANAGER", reasons: "No qualifying evidence." }))).toBe("ok");
  });

  it("never let agencies, the committee or the administrator move an application", () => {
    for (const role of ["AGENCY_USER", "APPEALS_COMMITTEE", "SYSTEM_ADMIN", "PARTICIPANT"] as Role[]) {
      for (const t of APPLICATION_TRANSITIONS) expect(t.by).not.toContain(role);
    }
  });

  it("list the steps a role can take next", () => {
    expect(nextSteps("UNDER_REVIEW", "PROGRAM_MANAGER", "SURVIVOR", false).sort()).toEqual(["AWAITING_DOCUMENTS", "CERTIFIED", "DENIED", "WITHDRAWN"]);
    expect(nextSteps("UNDER_REVIEW", "PROGRAM_MANAGER", "SURVIVOR", true).sort()).toEqual(["AWAITING_DOCUMENTS", "DENIED", "PENDING_GC_APPROVAL", "WITHDRAWN"]);
    expect(nextSteps("UNDER_REVIEW", "PROGRAM_STAFF", "SURVIVOR", false).sort()).toEqual(["AWAITING_DOCUMENTS", "WITHDRAWN"]);
    expect(nextSteps("CERTIFIED", "PROGRAM_MANAGER", "SURVIVOR", false)).toEqual([]);
  });
});
