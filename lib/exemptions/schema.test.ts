import { describe, expect, it } from "vitest";
import { generateParticipantNumber } from "../participants/participant-number";
import { decideAppealSchema, decideSchema, fileRequestSchema, isCalendarDate, reportParticipantsSchema } from "./schema";

const errors = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

const request = {
  statuteOrRule: "M.G.L. c. 90 §2",
  recordSeries: "Driver licence files",
  namedIndividuals: "A. Clerk, records officer\n\nB. Clerk, supervisor\n",
  whyProceduresInsufficient: "The statute requires the residential address on the licence record.",
  confidentialityMeasures: "Kept in a separate restricted table.",
  agencyHeadName: "Pat Head",
  agencyHeadTitle: "Registrar",
  certified: "yes",
};
const grant = {
  requestId: "r1",
  outcome: "GRANTED",
  reasons: "The requirement is set in statute.",
  findingBonaFideNeed: "yes",
  findingUseLimited: "yes",
  findings: "The statute requires the address.",
  confidentialityDuties: "Do not disclose.",
  useAndAccessLimits: "Named individuals only.",
  recordFormat: "Restricted database field.",
  termEndsOn: "2027-11-24",
  purgeOn: "2028-01-31",
};

describe("exemption forms", () => {
  it("read the request's named individuals one per line and need the certification", () => {
    const ok = fileRequestSchema.safeParse(request);
    expect(ok.success && ok.data.namedIndividuals).toEqual(["A. Clerk, records officer", "B. Clerk, supervisor"]);
    expect(errors(fileRequestSchema.safeParse({ ...request, namedIndividuals: " \n ", certified: "" }))).toEqual({ namedIndividuals: "Validation.addOne", certified: "Validation.tickToConfirm" });
  });

  it("need both findings met, written findings, and every condition for a grant (§4; U-9)", () => {
    expect(decideSchema.safeParse(grant).success).toBe(true);
    expect(errors(decideSchema.safeParse({ ...grant, findingUseLimited: "no", purgeOn: "", recordFormat: "" }))).toEqual({
      findingUseLimited: "Validation.testNotMet",
      purgeOn: "Validation.purgeRequired",
      recordFormat: "Validation.required",
    });
    // A withholding needs findings and reasons, not conditions; either finding may be "no".
    expect(decideSchema.safeParse({ requestId: "r1", outcome: "WITHHELD", reasons: "The need is not shown.", findingBonaFideNeed: "no", findingUseLimited: "yes", findings: "No statute requires it." }).success).toBe(true);
    expect(errors(decideSchema.safeParse({ requestId: "r1", outcome: "WITHHELD", reasons: "short", findingBonaFideNeed: "", findingUseLimited: "" }))).toEqual({ reasons: "Validation.min10", findingBonaFideNeed: "Validation.choose", findingUseLimited: "Validation.choose", findings: "Validation.findingsRequired" });
  });

  it("need conditions only when a reconsideration changes a withholding into a grant", () => {
    const base = { requestId: "r1", reasons: "Reconsidered on the papers." };
    expect(decideAppealSchema.safeParse({ ...base, appealedFrom: "WITHHELD", outcome: "UPHELD" }).success).toBe(true);
    expect(Object.keys(errors(decideAppealSchema.safeParse({ ...base, appealedFrom: "WITHHELD", outcome: "CHANGED" }))).sort()).toEqual(
      ["confidentialityDuties", "findingBonaFideNeed", "findingUseLimited", "findings", "purgeOn", "recordFormat", "termEndsOn", "useAndAccessLimits"],
    );
    expect(Object.keys(errors(decideAppealSchema.safeParse({ ...base, appealedFrom: "GRANTED", outcome: "CHANGED" }))).sort()).toEqual(["findingBonaFideNeed", "findingUseLimited", "findings"]);
  });

  it("check participant numbers by their check digit only, one per line or comma", () => {
    const a = generateParticipantNumber();
    const b = generateParticipantNumber();
    const r = reportParticipantsSchema.safeParse({ requestId: "r1", numbers: `${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}, ${b}\n${a}` });
    expect(r.success && r.data.numbers).toEqual([a, b]);
    const bad = a.slice(0, -1) + String((Number(a.at(-1)) + 1) % 10);
    expect(errors(reportParticipantsSchema.safeParse({ requestId: "r1", numbers: bad }))).toEqual({ numbers: "Validation.participantNumbers" });
  });

  it("accept only real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-2-1")).toBe(false);
  });
});
