import { afterEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { EvidenceKind, ScanStatus, Track } from "../db/generated/enums";
import { STEP_IDS } from "./form-definition";
import { evidenceProblems, needsCustodyProof } from "./evidence-rules";
import { FIELD_SCHEMAS, groupCount, isMassachusettsZip, validateApplication, validateStep, type FormValues, isAdult } from "./form-schema";

/** The first message a schema gives for a value, or null when the value passes. */
const msg = (schema: z.ZodType, value: unknown): string | null => {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? "?");
};

/** A complete survivor application as the wizard sends it: flat strings keyed by field name. */
function completeSurvivorForm(over: FormValues = {}): FormValues {
  return {
    firstName: "Test",
    lastName: "Applicant",
    dateOfBirth: "1990-04-28",
    applicantType: "SELF",
    livesInMassachusetts: "yes",
    qualifyingCategories: "DOMESTIC_VIOLENCE,STALKING",
    recentlyRelocated: "NOT_SURE",
    residenceStreet: "12 Hidden Lane",
    residenceCity: "Boston",
    residenceZip: "02108",
    mailingSame: "YES",
    phone: "617-555-0100",
    "confidential.0.kind": "RESIDENCE",
    "confidential.0.street": "12 Hidden Lane",
    "confidential.0.city": "Boston",
    "confidential.0.zip": "02108",
    "household.0.firstName": "Test",
    "household.0.lastName": "Child",
    "household.0.dateOfBirth": "2015-06-01",
    "household.0.relationship": "CHILD",
    "household.0.covered": "YES",
    agentDesignation: "yes",
    useSubstituteAddress: "yes",
    followRules: "yes",
    cardName: "T. Applicant",
    collectionNoticeRead: "yes",
    dangerAffirmation: "yes",
    applicantSignature: "Test Applicant",
    applicantConsent: "yes",
    assistantSignature: "Dana Advocate",
    assistantRegistrationNumber: "AA-ABC234",
    assistantConsent: "yes",
    ...over,
  };
}

/** The same person on the health-care track: no applicant type, no categories, no assistant. */
function completeHealthCareForm(over: FormValues = {}): FormValues {
  const v = completeSurvivorForm({ healthCareActivity: "PROVIDES", healthCareRole: "Nurse midwife", ...over });
  for (const k of ["applicantType", "qualifyingCategories", "assistantSignature", "assistantRegistrationNumber", "assistantConsent"]) if (!(k in over)) delete v[k];
  return v;
}

const without = (values: FormValues, ...names: string[]) => Object.fromEntries(Object.entries(values).filter(([k]) => !names.some((n) => k === n || k.startsWith(`${n}.`))));

describe("field schemas (one per kind)", () => {
  it("text: trims and caps at the field's length, with the message for the cap", () => {
    expect(msg(FIELD_SCHEMAS.text(60), "a".repeat(60))).toBeNull();
    expect(msg(FIELD_SCHEMAS.text(60), `  ${"a".repeat(60)}  `)).toBeNull();
    expect(msg(FIELD_SCHEMAS.text(60), "a".repeat(61))).toBe("Validation.max60");
    expect(msg(FIELD_SCHEMAS.text(120), "a".repeat(120))).toBeNull();
    expect(msg(FIELD_SCHEMAS.text(120), "a".repeat(121))).toBe("Validation.max120");
    expect(msg(FIELD_SCHEMAS.text(), "a".repeat(121))).toBe("Validation.max120");
  });

  it("date: a real calendar date in YYYY-MM-DD", () => {
    const date = FIELD_SCHEMAS.date();
    expect(msg(date, "2024-02-29")).toBeNull(); // a leap year
    expect(msg(date, "2023-02-29")).toBe("Validation.dateFormat"); // not one
    expect(msg(date, "1900-02-29")).toBe("Validation.dateFormat"); // century, not a leap year
    expect(msg(date, "2000-02-29")).toBeNull(); // 400-year rule
    expect(msg(date, "2024-04-31")).toBe("Validation.dateFormat");
    expect(msg(date, "2024-13-01")).toBe("Validation.dateFormat");
    expect(msg(date, "2024-00-10")).toBe("Validation.dateFormat");
    expect(msg(date, "2024-2-9")).toBe("Validation.dateFormat");
    expect(msg(date, "02/09/2024")).toBe("Validation.dateFormat");
    expect(msg(date, "2024-02-09T00:00")).toBe("Validation.dateFormat");
    expect(msg(date, "")).toBe("Validation.dateFormat");
  });

  describe("past-date (a date of birth)", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("refuses the future and before 1900, accepts today and real past dates", () => {
      const dob = FIELD_SCHEMAS["past-date"]();
      expect(msg(dob, "1990-04-28")).toBeNull();
      expect(msg(dob, "2024-02-29")).toBeNull();
      expect(msg(dob, "2023-02-29")).toBe("Validation.dateFormat");
      expect(msg(dob, "1900-01-01")).toBeNull();
      expect(msg(dob, "1899-12-31")).toBe("Validation.dateOfBirth");
      expect(msg(dob, "2999-01-01")).toBe("Validation.dateOfBirth");
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      expect(msg(dob, tomorrow)).toBe("Validation.dateOfBirth");
    });

    it("judges the future by the Massachusetts calendar, not UTC's", () => {
      // 22:30 on 9 March 2026 in Boston is already 10 March in UTC. Born "10 March" is tomorrow there.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2026-03-10T02:30:00Z"));
      const dob = FIELD_SCHEMAS["past-date"]();
      expect(msg(dob, "2026-03-09")).toBeNull();
      expect(msg(dob, "2026-03-10")).toBe("Validation.dateOfBirth");
    });
  });

  it("phone: ten US digits (optionally after 1) however punctuated, or + and 8–15 digits", () => {
    const phone = FIELD_SCHEMAS.phone();
    for (const ok of ["617-555-0100", "(617) 555-0100", "617.555.0100", "6175550100", "1 617 555 0100", "+1 617 555 0100", "+351912345678", " 617 555 0100 "]) {
      expect(msg(phone, ok), ok).toBeNull();
    }
    for (const bad of ["555-0100", "617-555-010", "617-555-01000", "2 617 555 0100", "+1234567", "+1234567890123456", "617-555-01OO", "phone", "617/555/0100", "+1 (617) 555-0100 x12"]) {
      expect(msg(phone, bad), bad).toBe("Validation.phone");
    }
  });

  it("zip: five digits or ZIP+4; Massachusetts prefixes 010–027 and 055", () => {
    const zip = FIELD_SCHEMAS.zip();
    for (const ok of ["02108", "02108-1234", "90210", " 01002 "]) expect(msg(zip, ok), ok).toBeNull();
    for (const bad of ["2108", "021080", "02108-12", "0210A", "02108 1234", "ZIP"]) expect(msg(zip, bad), bad).toBe("Validation.zip");

    for (const ma of ["01001", "01999", "02108", "02791", "05501", "05544-0001"]) expect(isMassachusettsZip(ma), ma).toBe(true);
    for (const other of ["00999", "02801", "03101", "05401", "06101", "10001", "90210", "05601"]) expect(isMassachusettsZip(other), other).toBe(false);
  });

  it("email: an address, 120 characters at most", () => {
    const email = FIELD_SCHEMAS.email();
    expect(msg(email, "dana@example.org")).toBeNull();
    for (const bad of ["dana", "dana@", "@example.org", "dana example.org", "dana@example"]) expect(msg(email, bad), bad).toBe("Validation.emailFormat");
    expect(msg(email, `${"a".repeat(109)}@example.org`)).toBe("Validation.max120"); // 121 characters
  });

  it("agree: only the ticked value 'yes'", () => {
    const agree = FIELD_SCHEMAS.agree();
    expect(msg(agree, "yes")).toBeNull();
    for (const bad of ["no", "on", "true", "YES", "1", ""]) expect(msg(agree, bad), bad).toBe("Validation.tickToConfirm");
  });

  it("select: one of the options, exactly", () => {
    const select = FIELD_SCHEMAS.select(["YES", "NO"]);
    expect(msg(select, "NO")).toBeNull();
    for (const bad of ["MAYBE", "yes", "", "YES,NO"]) expect(msg(select, bad), bad).toBe("Validation.choose");
  });

  it("choices: a comma list of known codes; one unknown code refuses the whole", () => {
    const choices = FIELD_SCHEMAS.choices(["DOMESTIC_VIOLENCE", "RAPE", "SEXUAL_ASSAULT", "STALKING"]);
    expect(msg(choices, "STALKING")).toBeNull();
    expect(msg(choices, "DOMESTIC_VIOLENCE,SEXUAL_ASSAULT")).toBeNull();
    expect(msg(choices, "DOMESTIC_VIOLENCE,BURGLARY")).toBe("Validation.choose");
    expect(msg(choices, "BURGLARY")).toBe("Validation.choose");
    expect(msg(choices, "STALKING,")).toBe("Validation.choose");
    expect(msg(choices, "stalking")).toBe("Validation.choose");
  });
});

describe("validateStep", () => {
  const all = completeSurvivorForm();

  it("passes every step of a complete application on both tracks", () => {
    for (const step of STEP_IDS) {
      expect(validateStep(step, "SURVIVOR", all), step).toEqual({});
      expect(validateStep(step, "HEALTH_CARE", completeHealthCareForm()), step).toEqual({});
    }
  });

  it("applicant: names and date of birth required; survivor track needs the applicant type, health care does not", () => {
    expect(validateStep("applicant", "SURVIVOR", {})).toEqual({
      firstName: "Validation.required",
      lastName: "Validation.required",
      dateOfBirth: "Validation.required",
      applicantType: "Validation.choose",
    });
    expect(validateStep("applicant", "HEALTH_CARE", {})).toEqual({ firstName: "Validation.required", lastName: "Validation.required", dateOfBirth: "Validation.required" });
    // Blank is empty: spaces alone do not fill a required field.
    expect(validateStep("applicant", "SURVIVOR", { ...all, firstName: "   " })).toEqual({ firstName: "Validation.required" });
    expect(validateStep("applicant", "SURVIVOR", { ...all, dateOfBirth: "2999-01-01" })).toEqual({ dateOfBirth: "Validation.dateOfBirth" });
    expect(validateStep("applicant", "SURVIVOR", { ...all, dateOfBirth: "1990-02-30" })).toEqual({ dateOfBirth: "Validation.dateFormat" });
    expect(validateStep("applicant", "SURVIVOR", { ...all, applicantType: "NEIGHBOUR" })).toEqual({ applicantType: "Validation.choose" });
    expect(validateStep("applicant", "SURVIVOR", { ...all, lastName: "x".repeat(61) })).toEqual({ lastName: "Validation.max60" });
  });

  it("applicant: the person applied for is required only for a parent or guardian", () => {
    const parent = { ...all, applicantType: "PARENT_OF_MINOR" };
    expect(validateStep("applicant", "SURVIVOR", parent)).toEqual({
      forFirstName: "Validation.required",
      forLastName: "Validation.required",
      forDateOfBirth: "Validation.required",
    });
    expect(validateStep("applicant", "SURVIVOR", { ...all, applicantType: "GUARDIAN_OF_INCAPACITATED" })).toHaveProperty("forFirstName", "Validation.required");
    expect(validateStep("applicant", "SURVIVOR", { ...parent, forFirstName: "Kid", forLastName: "Applicant", forDateOfBirth: "2016-01-31" })).toEqual({});
    expect(validateStep("applicant", "SURVIVOR", { ...parent, forFirstName: "Kid", forLastName: "Applicant", forDateOfBirth: "2999-01-31" })).toEqual({ forDateOfBirth: "Validation.dateOfBirth" });
    // For oneself the "for" fields are neither asked nor judged.
    expect(validateStep("applicant", "SURVIVOR", { ...all, forDateOfBirth: "not a date" })).toEqual({});
  });

  it("eligibility: survivor needs qualifying categories; health care needs the activity and role instead", () => {
    expect(validateStep("eligibility", "SURVIVOR", {})).toEqual({ livesInMassachusetts: "Validation.tickToConfirm", qualifyingCategories: "Validation.choose" });
    expect(validateStep("eligibility", "HEALTH_CARE", {})).toEqual({
      livesInMassachusetts: "Validation.tickToConfirm",
      healthCareActivity: "Validation.choose",
      healthCareRole: "Validation.required",
    });
    expect(validateStep("eligibility", "SURVIVOR", { ...all, qualifyingCategories: "STALKING,BURGLARY" })).toEqual({ qualifyingCategories: "Validation.choose" });
    expect(validateStep("eligibility", "SURVIVOR", { ...all, livesInMassachusetts: "no" })).toEqual({ livesInMassachusetts: "Validation.tickToConfirm" });
    expect(validateStep("eligibility", "HEALTH_CARE", completeHealthCareForm({ healthCareActivity: "OPPOSES" }))).toEqual({ healthCareActivity: "Validation.choose" });
    // U-17: relocation is asked, never required, but an answer must be one of the options.
    expect(validateStep("eligibility", "SURVIVOR", without(all, "recentlyRelocated"))).toEqual({});
    expect(validateStep("eligibility", "SURVIVOR", { ...all, recentlyRelocated: "PERHAPS" })).toEqual({ recentlyRelocated: "Validation.choose" });
  });

  it("contact: a Massachusetts residence, formats checked, mailing address only when it differs", () => {
    expect(validateStep("contact", "SURVIVOR", {})).toEqual({
      residenceStreet: "Validation.required",
      residenceCity: "Validation.required",
      residenceZip: "Validation.required",
      mailingSame: "Validation.choose",
      phone: "Validation.required",
    });
    expect(validateStep("contact", "SURVIVOR", { ...all, residenceZip: "90210" })).toEqual({ residenceZip: "Validation.zipMassachusetts" });
    expect(validateStep("contact", "SURVIVOR", { ...all, residenceZip: "0210" })).toEqual({ residenceZip: "Validation.zip" });
    expect(validateStep("contact", "SURVIVOR", { ...all, residenceZip: "05501-0001" })).toEqual({});
    expect(validateStep("contact", "SURVIVOR", { ...all, phone: "555-0100", phoneAlt: "12", email: "dana@" })).toEqual({
      phone: "Validation.phone",
      phoneAlt: "Validation.phone",
      email: "Validation.emailFormat",
    });
    expect(validateStep("contact", "SURVIVOR", { ...all, residenceUnit: "u".repeat(41) })).toHaveProperty("residenceUnit");

    const separate = { ...all, mailingSame: "NO" };
    expect(validateStep("contact", "SURVIVOR", separate)).toEqual({
      mailingStreet: "Validation.required",
      mailingCity: "Validation.required",
      mailingZip: "Validation.required",
    });
    // Mail may go outside Massachusetts (a post office box across the line); only the residence must be in it.
    expect(validateStep("contact", "SURVIVOR", { ...separate, mailingStreet: "PO Box 5", mailingCity: "Nashua", mailingZip: "03061" })).toEqual({});
    // Mailing answers left over from "NO" are not judged once the answer is "YES".
    expect(validateStep("contact", "SURVIVOR", { ...all, mailingStreet: "", mailingZip: "nope" })).toEqual({});
  });

  it("confidential: at least one row, at most six, each row's fields keyed by row", () => {
    expect(validateStep("confidential", "SURVIVOR", without(all, "confidential"))).toEqual({ confidential: "Validation.addOne" });
    expect(validateStep("confidential", "SURVIVOR", { "confidential.0.kind": "WORK" })).toEqual({
      "confidential.0.street": "Validation.required",
      "confidential.0.city": "Validation.required",
      "confidential.0.zip": "Validation.required",
    });
    const two = { ...all, "confidential.1.kind": "GARAGE", "confidential.1.street": "1 Work Rd", "confidential.1.city": "Quincy", "confidential.1.zip": "021" };
    expect(validateStep("confidential", "SURVIVOR", two)).toEqual({ "confidential.1.kind": "Validation.choose", "confidential.1.zip": "Validation.zip" });
    // A gap in the numbering is an empty row, not a skipped one.
    expect(validateStep("confidential", "SURVIVOR", { ...all, "confidential.2.kind": "SCHOOL", "confidential.2.street": "3 School St", "confidential.2.city": "Boston", "confidential.2.zip": "02108" })).toMatchObject({
      "confidential.1.kind": "Validation.choose",
      "confidential.1.street": "Validation.required",
    });
    const seven: FormValues = {};
    for (let i = 0; i < 7; i++) Object.assign(seven, { [`confidential.${i}.kind`]: "WORK", [`confidential.${i}.street`]: `${i} Main St`, [`confidential.${i}.city`]: "Boston", [`confidential.${i}.zip`]: "02108" });
    expect(groupCount(seven, "confidential")).toBe(7);
    expect(validateStep("confidential", "SURVIVOR", seven)).toEqual({ confidential: "Validation.tooMany" });
  });

  it("household: optional; a row given is complete", () => {
    expect(validateStep("household", "SURVIVOR", without(all, "household"))).toEqual({});
    expect(validateStep("household", "SURVIVOR", { ...all, "household.0.dateOfBirth": "2999-01-01", "household.0.relationship": "COUSIN", "household.0.covered": "" })).toEqual({
      "household.0.dateOfBirth": "Validation.dateOfBirth",
      "household.0.relationship": "Validation.choose",
      "household.0.covered": "Validation.choose",
    });
  });

  it("agreements: every agreement ticked and a card name", () => {
    expect(validateStep("agreements", "SURVIVOR", {})).toEqual({
      agentDesignation: "Validation.tickToConfirm",
      useSubstituteAddress: "Validation.tickToConfirm",
      followRules: "Validation.tickToConfirm",
      cardName: "Validation.required",
    });
    expect(validateStep("agreements", "HEALTH_CARE", { ...all, followRules: "on" })).toEqual({ followRules: "Validation.tickToConfirm" });
  });

  it("sign: the applicant signs in their own name, ignoring case and extra spaces", () => {
    for (const typed of ["Test Applicant", "test applicant", "  TEST   applicant ", "Test\tApplicant"]) {
      expect(validateStep("sign", "SURVIVOR", { ...all, applicantSignature: typed }), typed).toEqual({});
    }
    for (const typed of ["Dana Advocate", "Test", "TestApplicant", "Applicant Test", "Test Applicant Jr"]) {
      expect(validateStep("sign", "SURVIVOR", { ...all, applicantSignature: typed }), typed).toEqual({ applicantSignature: "Validation.signatureName" });
    }
    // A parent signs as the parent, not as the child applied for.
    const parent = { ...all, applicantType: "PARENT_OF_MINOR", forFirstName: "Kid", forLastName: "Applicant", forDateOfBirth: "2016-01-31" };
    expect(validateStep("sign", "SURVIVOR", parent)).toEqual({});
    expect(validateStep("sign", "SURVIVOR", { ...parent, applicantSignature: "Kid Applicant" })).toEqual({ applicantSignature: "Validation.signatureName" });
  });

  it("sign: the assistant's signature, number and consent on the survivor track only", () => {
    const bare = without(all, "assistantSignature", "assistantRegistrationNumber", "assistantConsent");
    expect(validateStep("sign", "SURVIVOR", bare)).toEqual({
      assistantSignature: "Validation.required",
      assistantRegistrationNumber: "Validation.required",
      assistantConsent: "Validation.tickToConfirm",
    });
    expect(validateStep("sign", "HEALTH_CARE", bare)).toEqual({});
    expect(validateStep("sign", "SURVIVOR", {})).toEqual({
      collectionNoticeRead: "Validation.tickToConfirm",
      dangerAffirmation: "Validation.tickToConfirm",
      applicantSignature: "Validation.required",
      applicantConsent: "Validation.tickToConfirm",
      assistantSignature: "Validation.required",
      assistantRegistrationNumber: "Validation.required",
      assistantConsent: "Validation.tickToConfirm",
    });
    expect(Object.keys(validateStep("sign", "HEALTH_CARE", {})).sort()).toEqual(["applicantConsent", "applicantSignature", "collectionNoticeRead", "dangerAffirmation"]);
  });

  it("evidence: holds no fields, so it never has errors", () => {
    expect(validateStep("evidence", "SURVIVOR", {})).toEqual({});
  });
});

describe("validateApplication", () => {
  const cases: [Track, FormValues, string, Record<string, string>][] = [
    ["SURVIVOR", without(completeSurvivorForm(), "firstName"), "applicant", { firstName: "Validation.required" }],
    ["SURVIVOR", without(completeSurvivorForm(), "qualifyingCategories", "phone", "cardName"), "eligibility", { qualifyingCategories: "Validation.choose" }],
    ["SURVIVOR", without(completeSurvivorForm(), "phone", "cardName"), "contact", { phone: "Validation.required" }],
    ["SURVIVOR", without(completeSurvivorForm(), "confidential"), "confidential", { confidential: "Validation.addOne" }],
    ["SURVIVOR", completeSurvivorForm({ "household.0.covered": "MAYBE" }), "household", { "household.0.covered": "Validation.choose" }],
    ["SURVIVOR", without(completeSurvivorForm(), "cardName"), "agreements", { cardName: "Validation.required" }],
    ["SURVIVOR", completeSurvivorForm({ applicantSignature: "Someone Else" }), "sign", { applicantSignature: "Validation.signatureName" }],
    ["HEALTH_CARE", completeSurvivorForm(), "eligibility", { healthCareActivity: "Validation.choose", healthCareRole: "Validation.required" }],
  ];

  it.each(cases)("%s: returns the first incomplete step (%#)", (track, values, step, errors) => {
    expect(validateApplication(track, values)).toEqual({ step, errors });
  });

  it("returns null for a complete application on each track", () => {
    expect(validateApplication("SURVIVOR", completeSurvivorForm())).toBeNull();
    expect(validateApplication("HEALTH_CARE", completeHealthCareForm())).toBeNull();
    expect(validateApplication("SURVIVOR", completeHealthCareForm())).toMatchObject({ step: "applicant", errors: { applicantType: "Validation.choose" } });
  });
});

describe("evidence rules (130.04(2)(c), (j); SEC-12)", () => {
  const e = (kind: EvidenceKind, scanStatus: ScanStatus = "NOT_SCANNED") => ({ kind, scanStatus });
  const self = without(completeSurvivorForm(), "household");

  it("needsCustodyProof: a parent or guardian applying, or a covered child or ward", () => {
    expect(needsCustodyProof(self)).toBe(false);
    expect(needsCustodyProof({})).toBe(false);
    expect(needsCustodyProof({ ...self, applicantType: "PARENT_OF_MINOR" })).toBe(true);
    expect(needsCustodyProof({ ...self, applicantType: "GUARDIAN_OF_INCAPACITATED" })).toBe(true);
    expect(needsCustodyProof(completeSurvivorForm())).toBe(true); // a covered CHILD
    expect(needsCustodyProof(completeSurvivorForm({ "household.0.relationship": "WARD" }))).toBe(true);
    expect(needsCustodyProof(completeSurvivorForm({ "household.0.covered": "NO" }))).toBe(false);
    expect(needsCustodyProof(completeSurvivorForm({ "household.0.relationship": "PARTNER" }))).toBe(false);
    expect(needsCustodyProof(completeSurvivorForm({ "household.0.relationship": "OTHER_ADULT" }))).toBe(false);
    // Any row, not only the first.
    expect(needsCustodyProof({ ...self, "household.0.relationship": "PARTNER", "household.0.covered": "YES", "household.4.relationship": "CHILD", "household.4.covered": "YES" })).toBe(true);
  });

  it("survivor: a certified record or other evidence is needed; identity or custody alone is not", () => {
    expect(evidenceProblems("SURVIVOR", self, [])).toBe("AppErrors.evidenceMissing");
    expect(evidenceProblems("SURVIVOR", self, [e("IDENTITY_DOCUMENT"), e("CUSTODY_OR_GUARDIANSHIP")])).toBe("AppErrors.evidenceMissing");
    expect(evidenceProblems("SURVIVOR", self, [e("PROFESSIONAL_ROLE")])).toBe("AppErrors.evidenceMissing");
    for (const kind of ["LAW_ENFORCEMENT_RECORD", "COURT_RECORD", "AGENCY_RECORD", "OTHER"] as const) {
      expect(evidenceProblems("SURVIVOR", self, [e(kind)]), kind).toBeNull();
      expect(evidenceProblems("SURVIVOR", self, [e(kind, "CLEAN")]), kind).toBeNull();
    }
  });

  it("survivor: custody proof when it is needed", () => {
    const withChild = completeSurvivorForm();
    expect(evidenceProblems("SURVIVOR", withChild, [e("COURT_RECORD")])).toBe("AppErrors.custodyProofMissing");
    expect(evidenceProblems("SURVIVOR", withChild, [e("COURT_RECORD"), e("CUSTODY_OR_GUARDIANSHIP")])).toBeNull();
    expect(evidenceProblems("SURVIVOR", { ...self, applicantType: "PARENT_OF_MINOR" }, [e("OTHER")])).toBe("AppErrors.custodyProofMissing");
    // The qualifying evidence is asked for first.
    expect(evidenceProblems("SURVIVOR", withChild, [e("CUSTODY_OR_GUARDIANSHIP")])).toBe("AppErrors.evidenceMissing");
  });

  it("health care: the professional role or other evidence; custody is not asked", () => {
    const hc = completeHealthCareForm();
    expect(evidenceProblems("HEALTH_CARE", hc, [])).toBe("AppErrors.evidenceRoleMissing");
    expect(evidenceProblems("HEALTH_CARE", hc, [e("COURT_RECORD"), e("IDENTITY_DOCUMENT")])).toBe("AppErrors.evidenceRoleMissing");
    expect(evidenceProblems("HEALTH_CARE", hc, [e("PROFESSIONAL_ROLE")])).toBeNull();
    expect(evidenceProblems("HEALTH_CARE", hc, [e("OTHER")])).toBeNull();
    expect(needsCustodyProof(hc)).toBe(true); // a covered child is in the values…
    expect(evidenceProblems("HEALTH_CARE", hc, [e("PROFESSIONAL_ROLE")])).toBeNull(); // …but the track does not ask
  });

  it("an infected file or one still being scanned blocks, whatever else is there", () => {
    const good = [e("COURT_RECORD", "CLEAN"), e("CUSTODY_OR_GUARDIANSHIP", "CLEAN")];
    const withChild = completeSurvivorForm();
    expect(evidenceProblems("SURVIVOR", withChild, good)).toBeNull();
    expect(evidenceProblems("SURVIVOR", withChild, [...good, e("IDENTITY_DOCUMENT", "INFECTED")])).toBe("AppErrors.evidenceInfected");
    expect(evidenceProblems("SURVIVOR", withChild, [...good, e("IDENTITY_DOCUMENT", "PENDING")])).toBe("AppErrors.evidenceScanning");
    expect(evidenceProblems("SURVIVOR", withChild, [e("OTHER", "PENDING"), e("OTHER", "INFECTED")])).toBe("AppErrors.evidenceInfected");
    expect(evidenceProblems("HEALTH_CARE", {}, [e("PROFESSIONAL_ROLE", "PENDING")])).toBe("AppErrors.evidenceScanning");
    expect(evidenceProblems("HEALTH_CARE", {}, [e("PROFESSIONAL_ROLE", "INFECTED")])).toBe("AppErrors.evidenceInfected");
  });
});

describe("household: who one certification covers (130.04(2)(d), (j))", () => {
  const row = (relationship: string, dateOfBirth: string) => ({
    "household.0.firstName": "Sam",
    "household.0.lastName": "Example",
    "household.0.dateOfBirth": dateOfBirth,
    "household.0.relationship": relationship,
    "household.0.covered": "YES",
  });

  it("covers a minor child or a ward", () => {
    expect(validateStep("household", "SURVIVOR", row("CHILD", "2015-06-01"))).toEqual({});
    expect(validateStep("household", "SURVIVOR", row("WARD", "1970-06-01"))).toEqual({});
  });

  it("refuses to cover an adult partner, another adult, or a child who is 18", () => {
    expect(validateStep("household", "SURVIVOR", row("PARTNER", "1980-01-01"))).toEqual({ "household.0.covered": "Validation.coveredChildOrWard" });
    expect(validateStep("household", "SURVIVOR", row("OTHER_ADULT", "1980-01-01"))).toEqual({ "household.0.covered": "Validation.coveredChildOrWard" });
    expect(validateStep("household", "SURVIVOR", row("CHILD", "2000-01-01"))).toEqual({ "household.0.covered": "Validation.coveredChildAdult" });
    // Not covered: any relationship may be listed.
    expect(validateStep("household", "SURVIVOR", { ...row("PARTNER", "1980-01-01"), "household.0.covered": "NO" })).toEqual({});
  });

  it("counts 18 from the birthday, 29 February included", () => {
    expect(isAdult("2008-11-24", "2026-11-24")).toBe(true);
    expect(isAdult("2008-11-25", "2026-11-24")).toBe(false);
    expect(isAdult("2008-02-29", "2026-02-28")).toBe(false);
    expect(isAdult("2008-02-29", "2026-03-01")).toBe(true);
    expect(isAdult("not a date", "2026-11-24")).toBe(false);
  });
});
