import { describe, expect, it } from "vitest";
import type { DisclosureStatus, Role } from "../db/generated/enums";
import { checkDisclosureTransition, DISCLOSURE_TRANSITIONS, nextDisclosureSteps } from "./status";

const STATUSES: DisclosureStatus[] = ["RECEIVED", "VERIFIED", "RELEASED", "REFUSED"];
const ROLES: Role[] = ["APPLICATION_ASSISTANT", "HEALTH_CARE_APPLICANT", "PARTICIPANT", "AGENCY_USER", "PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL", "APPEALS_COMMITTEE", "SYSTEM_ADMIN"];
const code = (r: Parameters<typeof checkDisclosureTransition>[0]) => {
  try {
    checkDisclosureTransition(r);
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("§5 disclosure transitions (3.G)", () => {
  it("allow exactly RECEIVED → VERIFIED → RELEASED or REFUSED, and RECEIVED → REFUSED", () => {
    expect(DISCLOSURE_TRANSITIONS.map((t) => `${t.from}>${t.to}`).sort()).toEqual(["RECEIVED>REFUSED", "RECEIVED>VERIFIED", "VERIFIED>REFUSED", "VERIFIED>RELEASED"]);
    for (const t of DISCLOSURE_TRANSITIONS) expect(code({ from: t.from, to: t.to, role: t.by[0], reasons: "Checked." })).toBe("ok");
  });

  it("refuse every other pair, and make decisions final", () => {
    const pairs = new Set(DISCLOSURE_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    for (const from of STATUSES) for (const to of STATUSES) {
      if (!pairs.has(`${from}>${to}`)) expect(code({ from, to, role: "PROGRAM_MANAGER", reasons: "x" })).toBe("TRANSITION_REFUSED");
    }
    expect(DISCLOSURE_TRANSITIONS.filter((t) => t.from === "RELEASED" || t.from === "REFUSED")).toEqual([]);
  });

  it("let staff verify, and only the Program Manager release or refuse", () => {
    for (const role of ["PROGRAM_STAFF", "PROGRAM_MANAGER", "GENERAL_COUNSEL"] as Role[]) expect(code({ from: "RECEIVED", to: "VERIFIED", role, reasons: "Called back." })).toBe("ok");
    for (const role of ROLES.filter((r) => r !== "PROGRAM_MANAGER")) {
      expect(code({ from: "VERIFIED", to: "RELEASED", role })).toBe("NOT_YOUR_STEP");
      expect(code({ from: "VERIFIED", to: "REFUSED", role, reasons: "No." })).toBe("NOT_YOUR_STEP");
      expect(code({ from: "RECEIVED", to: "REFUSED", role, reasons: "No." })).toBe("NOT_YOUR_STEP");
    }
    for (const role of ["AGENCY_USER", "APPLICATION_ASSISTANT", "APPEALS_COMMITTEE", "SYSTEM_ADMIN", "PARTICIPANT"] as Role[]) {
      for (const t of DISCLOSURE_TRANSITIONS) expect(t.by).not.toContain(role);
    }
  });

  it("require reasons for a refusal and a note for a verification, not for a release", () => {
    expect(code({ from: "VERIFIED", to: "REFUSED", role: "PROGRAM_MANAGER" })).toBe("REASON_REQUIRED");
    expect(code({ from: "RECEIVED", to: "REFUSED", role: "PROGRAM_MANAGER", reasons: "   " })).toBe("REASON_REQUIRED");
    expect(code({ from: "RECEIVED", to: "VERIFIED", role: "PROGRAM_STAFF" })).toBe("REASON_REQUIRED");
    expect(code({ from: "VERIFIED", to: "RELEASED", role: "PROGRAM_MANAGER" })).toBe("ok");
  });

  it("list the steps a role can take next", () => {
    expect(nextDisclosureSteps("RECEIVED", "PROGRAM_MANAGER").sort()).toEqual(["REFUSED", "VERIFIED"]);
    expect(nextDisclosureSteps("RECEIVED", "PROGRAM_STAFF")).toEqual(["VERIFIED"]);
    expect(nextDisclosureSteps("VERIFIED", "PROGRAM_STAFF")).toEqual([]);
    expect(nextDisclosureSteps("VERIFIED", "PROGRAM_MANAGER").sort()).toEqual(["REFUSED", "RELEASED"]);
    expect(nextDisclosureSteps("RELEASED", "PROGRAM_MANAGER")).toEqual([]);
  });
});
