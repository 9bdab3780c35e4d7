import { describe, expect, it } from "vitest";
import { exemptionDecisionLetterPdf, type ExemptionDecisionLetterInput } from "../documents/exemption-decision-letter";
import { exemptionDecisionLetterBody } from "../documents/templates/exemption-decision-letter";

const program = { name: "Address Confidentiality Program", phone: "617-555-0100", tollFree: "1-800-555-0100", mailingAddress: "P.O. Box 1, Boston, MA 02101" };
const base: ExemptionDecisionLetterInput = {
  date: "2026-11-24",
  reference: "EXR-0A1B2C3D",
  addressee: ["Casey Head", "Registrar", "Registry of Demo Vehicles"],
  agencyName: "Registry of Demo Vehicles",
  decision: "GRANTED",
  decidedOn: "2026-11-24",
  recordSeries: "Licence files",
  statuteOrRule: "M.G.L. c. 90, § 8",
  findings: { bonaFideNeed: true, useLimited: true, text: "The statute requires it." },
  reasons: "No other way to meet the rule.",
  conditions: { termEndsOn: "2027-11-24", purgeOn: "2028-01-31", namedIndividuals: ["Avery Records"], useAndAccessLimits: "Named people only.", recordFormat: "Restricted column.", confidentialityDuties: "Never disclose." },
  mayAppealTo: "General Counsel",
  program,
};

const text = (i: ExemptionDecisionLetterInput) =>
  exemptionDecisionLetterBody({ ...i, decidedOn: "November 24, 2026", conditions: i.conditions && { ...i.conditions, termEndsOn: "November 24, 2027", purgeOn: "January 31, 2028" } } as never)
    .flatMap((b) => (b.kind === "list" ? b.items : b.kind === "lines" ? b.lines : b.kind === "table" ? b.rows.flat() : [b.text]))
    .join("\n");

describe("the exemption decision letter (131.07(4)–(5))", () => {
  it("names the §4 findings, the reasons and every condition of a grant", () => {
    const t = text(base);
    for (const s of ["cannot meet its duties without it: Yes", "only for that purpose: Yes", "The statute requires it.", "No other way", "until November 24, 2027", "by January 31, 2028", "Avery Records", "Named people only.", "Restricted column.", "Never disclose.", "reconsidered by the General Counsel"]) expect(t).toContain(s);
  });

  it("gives no conditions on a withholding, and says to keep using the substitute address", () => {
    const t = text({ ...base, decision: "WITHHELD", conditions: undefined, findings: { bonaFideNeed: false, useLimited: true, text: "No statute." } });
    expect(t).toContain("withhold");
    expect(t).toContain("keep using the substitute address");
    expect(t).not.toContain("Purge date");
  });

  it("refuses a grant without its conditions, and a determination without reasons", async () => {
    await expect(exemptionDecisionLetterPdf({ ...base, conditions: undefined })).rejects.toThrow(/conditions/);
    await expect(exemptionDecisionLetterPdf({ ...base, reasons: " " })).rejects.toThrow(/reasons/);
    expect((await exemptionDecisionLetterPdf(base)).length).toBeGreaterThan(1000);
  });
});
