import { describe, expect, it } from "vitest";
import { can, NEVER_REVEAL, PERMISSIONS, type Permission } from "./policy";
import { ROLES, mfaRequired, keepsFullIp } from "./roles";
import { ROUTE_ACCESS } from "./routes";
import { ACTION_ACCESS } from "./actions";

const actor = (role: (typeof ROLES)[number], revealDesignated = false) => ({ id: "u1", role, revealDesignated });

describe("the permission policy", () => {
  it("denies everything to nobody", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(null, p)).toBe(false);
  });

  it("denies a permission that is not in the table", () => {
    expect(can(actor("PROGRAM_MANAGER"), "no:such-permission" as Permission)).toBe(false);
  });

  it("never lets agencies, assistants, the committee, admins, applicants or participants reveal (SEC-05)", () => {
    for (const role of NEVER_REVEAL) {
      expect(can(actor(role), "protected:reveal")).toBe(false);
      expect(can(actor(role, true), "protected:reveal")).toBe(false);
    }
  });

  it("lets the PM and GC reveal, and program staff only when designated", () => {
    expect(can(actor("PROGRAM_MANAGER"), "protected:reveal")).toBe(true);
    expect(can(actor("GENERAL_COUNSEL"), "protected:reveal")).toBe(true);
    expect(can(actor("PROGRAM_STAFF"), "protected:reveal")).toBe(false);
    expect(can(actor("PROGRAM_STAFF", true), "protected:reveal")).toBe(true);
  });

  it("keeps account administration with the system administrator, away from case work (SEC-01)", () => {
    expect(ROLES.filter((r) => can(actor(r), "user:manage"))).toEqual(["SYSTEM_ADMIN"]);
    expect(can(actor("SYSTEM_ADMIN"), "participant:view")).toBe(false);
  });

  it("lets only the PM designate who may reveal", () => {
    expect(ROLES.filter((r) => can(actor(r), "user:designate-reveal"))).toEqual(["PROGRAM_MANAGER"]);
  });

  it("names only known permissions in the route and action tables", () => {
    const known = new Set(["public", "signed-in", ...Object.keys(PERMISSIONS)]);
    for (const v of Object.values(ACTION_ACCESS)) expect(known.has(v)).toBe(true);
    // Routes may also be "api-key": an agency system's key, checked by the handler (never a session).
    for (const v of Object.values(ROUTE_ACCESS)) expect(known.has(v) || v === "api-key").toBe(true);
    expect(Object.entries(ROUTE_ACCESS).filter(([, v]) => v === "api-key").map(([k]) => k)).toEqual(["/api/v1/verify"]);
  });
});

describe("roles", () => {
  it("require a second factor of everyone but applicants and participants (SEC-02)", () => {
    expect(ROLES.filter((r) => !mfaRequired(r))).toEqual(["HEALTH_CARE_APPLICANT", "PARTICIPANT"]);
  });
  it("shorten the IP addresses of applicants and participants only (SEC-28)", () => {
    expect(ROLES.filter((r) => !keepsFullIp(r))).toEqual(["HEALTH_CARE_APPLICANT", "PARTICIPANT"]);
    expect(keepsFullIp(null)).toBe(false);
  });
});
