import { describe, expect, it } from "vitest";
import type { AssistantStatus } from "../db/generated/enums";
import { ASSISTANT_TRANSITIONS, assertTransition, canTransition, needsProgramManager, needsReason, needsTrainingDate } from "./status";

const ALL = Object.keys(ASSISTANT_TRANSITIONS) as AssistantStatus[];

describe("the assistant registry's transitions (3.I, U-7)", () => {
  it("follow designation → training → acceptance → registration, in that order only", () => {
    expect(canTransition("DESIGNATED", "TRAINED")).toBe(true);
    expect(canTransition("TRAINED", "ACCEPTED")).toBe(true);
    expect(canTransition("ACCEPTED", "REGISTERED")).toBe(true);
    expect(canTransition("DESIGNATED", "REGISTERED")).toBe(false);
    expect(canTransition("TRAINED", "REGISTERED")).toBe(false);
    expect(canTransition("DESIGNATED", "ACCEPTED")).toBe(false);
  });

  it("let a registration be suspended, reinstated, renewed, expire, or be revoked", () => {
    expect(ASSISTANT_TRANSITIONS.REGISTERED).toEqual(["REGISTERED", "SUSPENDED", "REVOKED", "EXPIRED"]);
    expect(canTransition("SUSPENDED", "REGISTERED")).toBe(true);
    expect(canTransition("EXPIRED", "REGISTERED")).toBe(true);
    expect(canTransition("SUSPENDED", "EXPIRED")).toBe(false);
  });

  it("make revocation final and allow it from every other state", () => {
    for (const s of ALL) expect(canTransition("REVOKED", s)).toBe(false);
    for (const s of ALL.filter((x) => x !== "REVOKED")) expect(canTransition(s, "REVOKED")).toBe(true);
  });

  it("refuse anything else with a clear, typed error", () => {
    expect(() => assertTransition("REVOKED", "REGISTERED")).toThrow(expect.objectContaining({ code: "TRANSITION_REFUSED" }));
    expect(() => assertTransition("DESIGNATED", "TRAINED")).not.toThrow();
  });

  it("leave registration, suspension and revocation to the Program Manager, with reasons where due", () => {
    expect(ALL.filter(needsProgramManager)).toEqual(["REGISTERED", "SUSPENDED", "REVOKED"]);
    expect(ALL.filter(needsReason)).toEqual(["SUSPENDED", "REVOKED"]);
    expect(needsTrainingDate("DESIGNATED", "TRAINED")).toBe(true);
    expect(needsTrainingDate("EXPIRED", "REGISTERED")).toBe(true);
    expect(needsTrainingDate("REGISTERED", "REGISTERED")).toBe(true);
    expect(needsTrainingDate("ACCEPTED", "REGISTERED")).toBe(false);
    expect(needsTrainingDate("SUSPENDED", "REGISTERED")).toBe(false);
  });
});
