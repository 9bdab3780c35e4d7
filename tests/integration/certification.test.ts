// Issue 5 end to end against the real database: an Application Assistant (or a health-care applicant)
// starts a draft, fills it step by step (sealed), uploads evidence, submits with signatures; staff move
// it through 3.A; certification creates the participants. Only the malware scanner is a stand-in (it is
// an interface; clamd itself is exercised in evidence-scan.test.ts).
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideApplication, type StaffActor } from "../../lib/applications/decisions";
import { identityIndexOf, primaryPerson, readDraft, saveDraftStep, startApplication, submitApplication, type ApplicantActor } from "../../lib/applications/drafts";
import { removeEvidence, uploadEvidence } from "../../lib/applications/evidence";
import { FORM_VERSION, STEP_IDS } from "../../lib/applications/form-definition";
import type { FormValues } from "../../lib/applications/form-schema";
import { possibleDuplicates } from "../../lib/applications/queries";
import { AFFIRMATION_VERSION, COLLECTION_NOTICE_VERSION } from "../../lib/config/program";
import { fieldCipher } from "../../lib/crypto";
import { todayInMassachusetts } from "../../lib/dates/calendar";
import type { AssistantStatus } from "../../lib/db/generated/enums";
import { ScannerUnavailableError, type MalwareScanner } from "../../lib/evidence/scanner";
import { FileSystemEvidenceStore } from "../../lib/evidence/storage";
import { certificationExpiry } from "../../lib/participants/certification-term";
import { UNIT_RANGE } from "../../lib/participants/certify";
import { nameKey } from "../../lib/participants/name-key";
import { isValidParticipantNumber } from "../../lib/participants/participant-number";
import { createAssistant, createOrganisation, createUser, uniqueSuffix } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let root: string;

beforeAll(() => {
  t = openTestDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "acp-certification-"));
});
afterAll(async () => {
  await t?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const STREET = "12 Hidden Lane";
const PHONE = "617-555-0100";

/** A complete, valid survivor application as the wizard sends it: flat strings keyed by field name. */
function completeSurvivorForm(registrationNumber: string, over: FormValues = {}): FormValues {
  return {
    firstName: "Test",
    lastName: "Applicant",
    dateOfBirth: "1990-04-28",
    applicantType: "SELF",
    livesInMassachusetts: "yes",
    qualifyingCategories: "DOMESTIC_VIOLENCE,STALKING",
    recentlyRelocated: "YES",
    residenceStreet: STREET,
    residenceUnit: "Apt 3",
    residenceCity: "Boston",
    residenceZip: "02108",
    mailingSame: "YES",
    phone: PHONE,
    "confidential.0.kind": "RESIDENCE",
    "confidential.0.street": STREET,
    "confidential.0.unit": "Apt 3",
    "confidential.0.city": "Boston",
    "confidential.0.zip": "02108",
    "household.0.firstName": "Test",
    "household.0.lastName": "Child",
    "household.0.dateOfBirth": "2015-06-01",
    "household.0.relationship": "CHILD",
    "household.0.covered": "YES",
    "household.1.firstName": "Uncovered",
    "household.1.lastName": "Adult",
    "household.1.dateOfBirth": "1960-01-01",
    "household.1.relationship": "OTHER_ADULT",
    "household.1.covered": "NO",
    agentDesignation: "yes",
    useSubstituteAddress: "yes",
    followRules: "yes",
    cardName: "T. Applicant",
    collectionNoticeRead: "yes",
    dangerAffirmation: "yes",
    applicantSignature: "Test Applicant",
    applicantConsent: "yes",
    assistantSignature: "Dana Advocate",
    assistantRegistrationNumber: registrationNumber,
    assistantConsent: "yes",
    ...over,
  };
}

/** The health-care track's form: the applicant files for themself (U-13). */
function completeHealthCareForm(over: FormValues = {}): FormValues {
  const v = completeSurvivorForm("", { healthCareActivity: "PROVIDES", healthCareRole: "Nurse midwife", ...over });
  for (const k of ["applicantType", "qualifyingCategories", "assistantSignature", "assistantRegistrationNumber", "assistantConsent"]) delete v[k];
  return v;
}

const withoutHousehold = (v: FormValues) => Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith("household.")));

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR test image "), randomBytes(64)]);
const PDF = Buffer.from(`%PDF-1.4\n% Police report about ${STREET}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);

/** An Application Assistant with an account and a registry entry in the given status. */
async function assistantWith(status: AssistantStatus = "REGISTERED") {
  const org = await createOrganisation(t.db);
  const user = await createUser(t.db, { role: "APPLICATION_ASSISTANT", organisationId: org.id });
  const assistant = await createAssistant(t.db, { organisationId: org.id, userId: user.id, status });
  const actor: ApplicantActor = { id: user.id, role: "APPLICATION_ASSISTANT", ip: "203.0.113.77" };
  return { actor, assistant, number: assistant.registrationNumber ?? "" };
}

async function staffActor(role: "PROGRAM_STAFF" | "PROGRAM_MANAGER" | "GENERAL_COUNSEL"): Promise<StaffActor> {
  const u = await createUser(t.db, { role });
  return { id: u.id, role, ip: "198.51.100.20" };
}

/** Save every step with intent "next", as the wizard does; each must be complete. */
async function fillDraft(actor: ApplicantActor, applicationId: string, values: FormValues) {
  for (const [i, step] of STEP_IDS.entries()) {
    const r = await saveDraftStep(t.db, actor, { applicationId, step, values, intent: "next" });
    expect(r.errors, step).toEqual({});
    expect(r.nextStep).toBe(STEP_IDS[Math.min(i + 1, STEP_IDS.length - 1)]);
  }
}

function storeIn(name: string) {
  return new FileSystemEvidenceStore(path.join(root, name));
}

/** Every column of one row as Postgres prints it: what a plain dump of the table would show. */
async function rawRow(table: string, id: string): Promise<string> {
  const rows = await t.db.$queryRawUnsafe<{ r: string }[]>(`SELECT x::text AS r FROM "${table}" x WHERE x.id = $1`, id);
  expect(rows).toHaveLength(1);
  return rows[0].r;
}

const scannerSaying = (verdict: "clean" | "infected", seen: Buffer[] = []): MalwareScanner => ({
  async scan(bytes) {
    seen.push(bytes);
    return verdict === "clean" ? { verdict: "clean" } : { verdict: "infected", signature: "Acp.Test.EICAR" };
  },
});

describe("starting an application (§2(2)(i), U-13)", () => {
  it("refuses an assistant who is not registered now, and anyone who is neither an assistant nor a health-care applicant", async () => {
    for (const status of ["DESIGNATED", "TRAINED", "ACCEPTED", "SUSPENDED", "REVOKED", "EXPIRED"] as const) {
      const aa = await assistantWith(status);
      await expect(startApplication(t.db, aa.actor), status).rejects.toMatchObject({ code: "NOT_REGISTERED", message: "AppErrors.assistantNotRegistered" });
      expect(await t.db.application.count({ where: { assistantId: aa.assistant.id } })).toBe(0);
    }
    // An assistant's account with no registry entry at all.
    const bare = await createUser(t.db, { role: "APPLICATION_ASSISTANT" });
    await expect(startApplication(t.db, { id: bare.id, role: "APPLICATION_ASSISTANT", ip: "203.0.113.1" })).rejects.toMatchObject({ code: "NOT_REGISTERED" });
    for (const role of ["PROGRAM_STAFF", "PROGRAM_MANAGER", "AGENCY_USER", "PARTICIPANT"] as const) {
      const u = await createUser(t.db, { role });
      await expect(startApplication(t.db, { id: u.id, role, ip: "203.0.113.1" }), role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses an assistant whose two-year term has ended, even before the nightly job marks it EXPIRED", async () => {
    const aa = await assistantWith("REGISTERED");
    const yesterday = new Date(todayInMassachusetts().getTime() - 86_400_000);
    await t.db.applicationAssistant.update({ where: { id: aa.assistant.id }, data: { registrationExpiresOn: yesterday } });
    // submitApplication already refuses this number (registeredAssistant checks the term); starting should agree.
    await expect(startApplication(t.db, aa.actor)).rejects.toMatchObject({ code: "NOT_REGISTERED" });
  });

  it("gives a registered assistant a survivor-track DRAFT of this form version, audited", async () => {
    const aa = await assistantWith();
    const { id } = await startApplication(t.db, aa.actor);
    const app = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "DRAFT", track: "SURVIVOR", assistantId: aa.assistant.id, applicantUserId: null, formVersion: FORM_VERSION, formEnc: null, currentStep: "applicant" });
    expect(app.reference).toMatch(/^APP-[0-9A-F]{8}$/);
    expect(await t.db.auditEvent.count({ where: { targetId: id, action: "application.created", actorId: aa.actor.id } })).toBe(1);
    // Each start is a new draft for an assistant (they file for many people).
    expect((await startApplication(t.db, aa.actor)).id).not.toBe(id);
  });
});

describe("saving draft steps", () => {
  it("seals what is typed, keeps invalid input on autosave, returns keyed errors on next, and drops names outside the step", async () => {
    const aa = await assistantWith();
    const { id } = await startApplication(t.db, aa.actor);

    const auto = await saveDraftStep(t.db, aa.actor, {
      applicationId: id,
      step: "contact",
      intent: "autosave",
      values: { residenceStreet: STREET, residenceZip: "90210", phone: "12", firstName: "Injected", "confidential.0.street": "Elsewhere 1", notAField: "x", mailingSame: "" },
    });
    expect(auto).toEqual({ errors: {}, nextStep: "contact" });
    expect((await readDraft(t.db, aa.actor, id)).values).toEqual({ residenceStreet: STREET, residenceZip: "90210", phone: "12" });
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row.formEnc).toBeTruthy();
    expect(row.applicantFirstName).toBe(""); // "Injected" was not this step's to set
    expect(await rawRow("Application", id)).not.toContain("Hidden Lane");
    expect(await rawRow("Application", id)).not.toContain("Injected");

    const next = await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "contact", intent: "next", values: { residenceStreet: STREET, residenceCity: "Boston", residenceZip: "90210", phone: "12" } });
    expect(next).toEqual({ nextStep: "contact", errors: { residenceZip: "Validation.zipMassachusetts", phone: "Validation.phone", mailingSame: "Validation.choose" } });
    // Refused input is still kept: nothing typed is lost on an error.
    expect((await readDraft(t.db, aa.actor, id)).values).toMatchObject({ residenceZip: "90210", residenceCity: "Boston" });

    const group = await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "confidential", intent: "next", values: { "confidential.0.kind": "RESIDENCE", "confidential.0.city": "Boston", "confidential.0.zip": "02108" } });
    expect(group).toEqual({ nextStep: "confidential", errors: { "confidential.0.street": "Validation.required" } });
    const empty = await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "confidential", intent: "next", values: {} });
    expect(empty.errors).toEqual({ confidential: "Validation.addOne" });

    // A complete step moves on; the step's values replace what was stored for it.
    const done = await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "contact", intent: "next", values: { residenceStreet: STREET, residenceCity: "Boston", residenceZip: "02108", mailingSame: "YES", phone: PHONE } });
    expect(done).toEqual({ errors: {}, nextStep: "confidential" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).currentStep).toBe("confidential");
    const { values } = await readDraft(t.db, aa.actor, id);
    expect(values).toEqual({ residenceStreet: STREET, residenceCity: "Boston", residenceZip: "02108", mailingSame: "YES", phone: PHONE });
    expect(await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "confidential", intent: "back", values: {} })).toEqual({ errors: {}, nextStep: "contact" });

    // The names, and only they, are plain for the queue.
    await saveDraftStep(t.db, aa.actor, { applicationId: id, step: "applicant", intent: "next", values: { firstName: "Test", lastName: "Applicant", dateOfBirth: "1990-04-28", applicantType: "SELF" } });
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ applicantFirstName: "Test", applicantLastName: "Applicant", applicantType: "SELF" });
    expect(await rawRow("Application", id)).not.toContain("1990-04-28");

    // Another assistant (or the same assistant's colleague) can neither read nor write it.
    const other = await assistantWith();
    await expect(saveDraftStep(t.db, other.actor, { applicationId: id, step: "contact", intent: "autosave", values: { phone: "1" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readDraft(t.db, other.actor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The audit trail records that a step was saved, never what was in it.
    const events = await t.db.auditEvent.findMany({ where: { targetId: id, action: "application.draft-saved" } });
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Hidden|90210|Boston|1990/);
  });

  it("applying for oneself, 'for' names sent anyway do not become the person applied for", async () => {
    const aa = await assistantWith();
    const { id } = await startApplication(t.db, aa.actor);
    const r = await saveDraftStep(t.db, aa.actor, {
      applicationId: id,
      step: "applicant",
      intent: "next",
      values: { firstName: "Test", lastName: "Applicant", dateOfBirth: "1990-04-28", applicantType: "SELF", forFirstName: "Someone", forLastName: "Else", forDateOfBirth: "2016-01-01" },
    });
    expect(r.errors).toEqual({}); // the "for" fields do not apply, so they are not judged…
    // …and so must not decide who is named in the queue, indexed for duplicates, or certified as the primary person.
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).applicantFirstName).toBe("Test");
    expect(primaryPerson((await readDraft(t.db, aa.actor, id)).values)).toEqual({ firstName: "Test", lastName: "Applicant", dateOfBirth: "1990-04-28" });
  });
});

describe("evidence upload (130.04(2)(c); SEC-07, SEC-12)", () => {
  it("reads the type from the content, seals the file, and records NOT_SCANNED with no scanner", async () => {
    const store = storeIn("upload");
    const aa = await assistantWith();
    const { id } = await startApplication(t.db, aa.actor);

    await expect(uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "COURT_RECORD", bytes: Buffer.from("Just a text file, named report.pdf\n") }, { store, scanner: null })).rejects.toMatchObject({
      code: "FILE_TYPE",
      message: "AppErrors.fileType",
      field: "file",
    });
    // A kind the survivor track does not take.
    await expect(uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "PROFESSIONAL_ROLE", bytes: PDF }, { store, scanner: null })).rejects.toMatchObject({ code: "KIND" });
    expect(await t.db.evidenceItem.count({ where: { applicationId: id } })).toBe(0);
    expect(existsSync(store.rootDir) ? readdirSync(store.rootDir) : []).toEqual([]);

    const png = await uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "OTHER", bytes: PNG }, { store, scanner: null });
    expect(png).toMatchObject({ scanStatus: "NOT_SCANNED", mediaType: "image/png" });
    const pdf = await uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "COURT_RECORD", bytes: PDF }, { store, scanner: null });
    expect(pdf).toMatchObject({ scanStatus: "NOT_SCANNED", mediaType: "application/pdf" });

    const item = await t.db.evidenceItem.findUniqueOrThrow({ where: { id: pdf.id } });
    expect(item).toMatchObject({ applicationId: id, kind: "COURT_RECORD", sizeBytes: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex"), uploadedById: aa.actor.id, scannedAt: null });
    const onDisk = readFileSync(path.join(store.rootDir, item.storageKey));
    expect(PDF.includes(Buffer.from("Hidden Lane"))).toBe(true);
    expect(onDisk.includes(Buffer.from("Hidden Lane"))).toBe(false);
    expect(onDisk.subarray(0, 5).toString("latin1")).not.toBe("%PDF-");
    expect(readdirSync(store.rootDir).sort()).toEqual([item.storageKey, (await t.db.evidenceItem.findUniqueOrThrow({ where: { id: png.id } })).storageKey].sort());
    expect(await t.db.auditEvent.count({ where: { targetId: id, action: "application.evidence-uploaded" } })).toBe(2);

    // Someone else's draft is not there to upload to.
    const other = await assistantWith();
    await expect(uploadEvidence(t.db, other.actor, { applicationId: id, kind: "OTHER", bytes: PNG }, { store, scanner: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("with a scanner: an infected file is marked INFECTED and destroyed, a clean one kept, an unreachable scanner holds it", async () => {
    const store = storeIn("scan");
    const aa = await assistantWith();
    const { id } = await startApplication(t.db, aa.actor);
    await fillDraft(aa.actor, id, completeSurvivorForm(aa.number));

    const seen: Buffer[] = [];
    const bad = await uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "COURT_RECORD", bytes: PDF }, { store, scanner: scannerSaying("infected", seen) });
    expect(bad.scanStatus).toBe("INFECTED");
    expect(seen).toHaveLength(1);
    expect(seen[0].equals(PDF)).toBe(true); // the scanner is given the plaintext, not the sealed file
    const badRow = await t.db.evidenceItem.findUniqueOrThrow({ where: { id: bad.id } });
    expect(badRow.scanSignature).toBe("Acp.Test.EICAR");
    expect(badRow.scannedAt).toBeInstanceOf(Date);
    expect(existsSync(path.join(store.rootDir, badRow.storageKey))).toBe(false);
    expect(await t.db.auditEvent.count({ where: { targetId: id, action: "application.evidence-scanned", outcome: "DENIED" } })).toBe(1);

    const good = await uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "CUSTODY_OR_GUARDIANSHIP", bytes: PNG }, { store, scanner: scannerSaying("clean") });
    expect(good.scanStatus).toBe("CLEAN");
    expect(existsSync(path.join(store.rootDir, (await t.db.evidenceItem.findUniqueOrThrow({ where: { id: good.id } })).storageKey))).toBe(true);

    // An infected file on the draft blocks submission until it is taken off.
    expect(await submitApplication(t.db, aa.actor, id)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.evidenceInfected" } });
    await removeEvidence(t.db, aa.actor, id, bad.id, { store });

    // A scanner that cannot be reached leaves the file PENDING (held), which also blocks submission.
    const down: MalwareScanner = {
      scan: async () => {
        throw new ScannerUnavailableError("clamd is down");
      },
    };
    const held = await uploadEvidence(t.db, aa.actor, { applicationId: id, kind: "OTHER", bytes: PDF }, { store, scanner: down });
    expect(held.scanStatus).toBe("PENDING");
    expect(await submitApplication(t.db, aa.actor, id)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.evidenceScanning" } });
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});

describe("the survivor track, from draft to certification (3.A)", () => {
  const store = () => storeIn("survivor");
  let aa: Awaited<ReturnType<typeof assistantWith>>;
  let staff: StaffActor;
  let pm: StaffActor;
  let gc: StaffActor;
  let appId: string;
  let submittedAt: Date;

  const saveSign = (number: string) =>
    saveDraftStep(t.db, aa.actor, { applicationId: appId, step: "sign", intent: "next", values: completeSurvivorForm(number) }).then((r) => expect(r.errors).toEqual({}));
  const refusedNumber = { ok: false, step: "sign", errors: { assistantRegistrationNumber: "AppErrors.assistantNumberRefused" } };

  beforeAll(async () => {
    aa = await assistantWith();
    staff = await staffActor("PROGRAM_STAFF");
    pm = await staffActor("PROGRAM_MANAGER");
    gc = await staffActor("GENERAL_COUNSEL");
    appId = (await startApplication(t.db, aa.actor)).id;
  });

  it("refuses to submit an incomplete form, then missing evidence, then missing custody proof", async () => {
    expect(await submitApplication(t.db, aa.actor, appId)).toMatchObject({ ok: false, step: "applicant" });
    await fillDraft(aa.actor, appId, completeSurvivorForm(aa.number));
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.evidenceMissing" } });
    await uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "IDENTITY_DOCUMENT", bytes: PNG }, { store: store(), scanner: null });
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.evidenceMissing" } });
    // "Other" evidence (130.04(2)(c)(2)): it will need the General Counsel later.
    await uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "OTHER", bytes: PDF }, { store: store(), scanner: null });
    // A covered child: proof of custody (130.04(2)(j)).
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.custodyProofMissing" } });
    await uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "CUSTODY_OR_GUARDIANSHIP", bytes: PNG }, { store: store(), scanner: null });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: appId } })).status).toBe("DRAFT");
  });

  it("refuses a registration number that is unknown, another assistant's, revoked, suspended or out of term", async () => {
    await saveSign("AA-ZZZZZZ");
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual(refusedNumber);

    const colleague = await assistantWith("REGISTERED");
    await saveSign(colleague.number);
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual(refusedNumber);

    for (const status of ["REVOKED", "SUSPENDED", "EXPIRED"] as const) {
      const gone = await assistantWith(status);
      expect(gone.number).toMatch(/^AA-/);
      await saveSign(gone.number);
      expect(await submitApplication(t.db, aa.actor, appId), status).toEqual(refusedNumber);
    }

    // The assistant's own number, while the assistant is suspended or revoked, or after the term ended.
    await saveSign(aa.number);
    for (const status of ["SUSPENDED", "REVOKED"] as const) {
      await t.db.applicationAssistant.update({ where: { id: aa.assistant.id }, data: { status } });
      expect(await submitApplication(t.db, aa.actor, appId), status).toEqual(refusedNumber);
    }
    await t.db.applicationAssistant.update({ where: { id: aa.assistant.id }, data: { status: "REGISTERED" } });
    const term = aa.assistant.registrationExpiresOn!;
    await t.db.applicationAssistant.update({ where: { id: aa.assistant.id }, data: { registrationExpiresOn: new Date(todayInMassachusetts().getTime() - 86_400_000) } });
    expect(await submitApplication(t.db, aa.actor, appId)).toEqual(refusedNumber);
    await t.db.applicationAssistant.update({ where: { id: aa.assistant.id }, data: { registrationExpiresOn: term } });

    // Nothing of a submission was written by any refusal.
    expect(await t.db.application.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ status: "DRAFT", submittedAt: null, identityIndex: null, collectionNoticeVersion: null });
    expect(await t.db.applicationSignature.count({ where: { applicationId: appId } })).toBe(0);
    expect(await t.db.applicationStatusChange.count({ where: { applicationId: appId } })).toBe(0);
  });

  it("submits: SUBMITTED with two signatures (shortened address), the notice version, the identity index and a history row", async () => {
    // The number as typed over the phone: lower case, spaces around it.
    await saveSign(`  ${aa.number.toLowerCase()} `);
    submittedAt = new Date();
    const app0 = await t.db.application.findUniqueOrThrow({ where: { id: appId } });
    expect(await submitApplication(t.db, aa.actor, appId, submittedAt)).toEqual({ ok: true, reference: app0.reference });

    const app = await t.db.application.findUniqueOrThrow({ where: { id: appId } });
    expect(app).toMatchObject({
      status: "SUBMITTED",
      submittedAt,
      preparedOn: todayInMassachusetts(submittedAt),
      collectionNoticeVersion: COLLECTION_NOTICE_VERSION,
      assistantRegistrationNumber: aa.number,
      applicantFirstName: "Test",
      applicantLastName: "Applicant",
    });
    const cipher = fieldCipher(t.db);
    expect(app.identityIndex).toBe(await identityIndexOf(cipher, { firstName: "Test", lastName: "Applicant", dateOfBirth: "1990-04-28" }));
    expect(app.identityIndex).toBe(await identityIndexOf(cipher, { firstName: " TEST ", lastName: "applicant", dateOfBirth: "1990-04-28" }));
    expect(app.identityIndex).not.toBe(await identityIndexOf(cipher, { firstName: "Test", lastName: "Applicant", dateOfBirth: "1990-04-29" }));

    const sigs = await t.db.applicationSignature.findMany({ where: { applicationId: appId }, orderBy: { signer: "asc" } });
    expect(sigs.map((s) => [s.signer, s.typedName, s.userId])).toEqual([
      ["APPLICANT", "Test Applicant", null],
      ["ASSISTANT", "Dana Advocate", aa.actor.id],
    ]);
    for (const s of sigs) {
      expect(s.ipPrefix).toBe("203.0.113.0");
      expect(s.ipPrefix).not.toContain(".77");
      expect(s.statementVersion).toBe(AFFIRMATION_VERSION);
      expect(s.signedAt).toEqual(submittedAt);
    }
    expect(await t.db.applicationStatusChange.findMany({ where: { applicationId: appId }, select: { fromStatus: true, toStatus: true, actorId: true, actorRole: true } })).toEqual([
      { fromStatus: "DRAFT", toStatus: "SUBMITTED", actorId: aa.actor.id, actorRole: "APPLICATION_ASSISTANT" },
    ]);
    const audit = await t.db.auditEvent.findMany({ where: { targetId: appId, action: "application.status-changed" } });
    expect(audit.map((e) => [e.details, e.actorId, e.outcome])).toEqual([[{ from: "DRAFT", to: "SUBMITTED" }, aa.actor.id, "SUCCESS"]]);

    // Submitted is final for the assistant: no second submission, no more edits, no files outside a request.
    await expect(submitApplication(t.db, aa.actor, appId)).rejects.toMatchObject({ code: "SUBMITTED" });
    await expect(saveDraftStep(t.db, aa.actor, { applicationId: appId, step: "contact", intent: "autosave", values: { phone: "1" } })).rejects.toMatchObject({ code: "SUBMITTED" });
    await expect(readDraft(t.db, aa.actor, appId)).rejects.toMatchObject({ code: "SUBMITTED" });
    await expect(uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "OTHER", bytes: PNG }, { store: store(), scanner: null })).rejects.toMatchObject({ code: "CLOSED" });
  });

  it("keeps signatures and the status history append-only, whoever asks", async () => {
    const sig = await t.db.applicationSignature.findFirstOrThrow({ where: { applicationId: appId, signer: "APPLICANT" } });
    await expect(t.db.applicationSignature.update({ where: { id: sig.id }, data: { typedName: "Someone Else" } })).rejects.toThrow(/append-only/);
    await expect(t.db.applicationSignature.updateMany({ where: { applicationId: appId }, data: { ipPrefix: null } })).rejects.toThrow(/append-only/);
    await expect(t.db.applicationSignature.delete({ where: { id: sig.id } })).rejects.toThrow(/append-only/);
    const change = await t.db.applicationStatusChange.findFirstOrThrow({ where: { applicationId: appId } });
    await expect(t.db.applicationStatusChange.update({ where: { id: change.id }, data: { toStatus: "CERTIFIED" } })).rejects.toThrow(/append-only/);
    expect(await t.db.applicationSignature.findUniqueOrThrow({ where: { id: sig.id } })).toEqual(sig);
  });

  it("staff review it, ask for documents (with reasons and a list), and the assistant's upload answers the request", async () => {
    await expect(decideApplication(t.db, gc, { applicationId: appId, to: "UNDER_REVIEW" })).rejects.toMatchObject({ code: "NOT_YOUR_STEP" });
    await expect(decideApplication(t.db, { ...aa.actor }, { applicationId: appId, to: "UNDER_REVIEW" })).rejects.toMatchObject({ code: "NOT_YOUR_STEP" });
    expect(await decideApplication(t.db, staff, { applicationId: appId, to: "UNDER_REVIEW" })).toEqual({ from: "SUBMITTED", to: "UNDER_REVIEW" });
    await expect(decideApplication(t.db, staff, { applicationId: appId, to: "UNDER_REVIEW" })).rejects.toMatchObject({ code: "TRANSITION_REFUSED" });

    await expect(decideApplication(t.db, staff, { applicationId: appId, to: "AWAITING_DOCUMENTS", documents: ["IDENTITY"] })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    await expect(decideApplication(t.db, staff, { applicationId: appId, to: "AWAITING_DOCUMENTS", reasons: "Please send proof of identity." })).rejects.toMatchObject({
      code: "DOCUMENTS_REQUIRED",
      message: "AppErrors.documentsRequired",
      field: "documents",
    });
    await expect(
      decideApplication(t.db, staff, { applicationId: appId, to: "AWAITING_DOCUMENTS", reasons: "Please send proof.", documents: ["PASSPORT_PHOTO" as never] }),
    ).rejects.toMatchObject({ code: "DOCUMENTS_REQUIRED" });
    expect(await t.db.documentRequest.count({ where: { applicationId: appId } })).toBe(0);
    expect((await t.db.application.findUniqueOrThrow({ where: { id: appId } })).status).toBe("UNDER_REVIEW");

    await decideApplication(t.db, staff, { applicationId: appId, to: "AWAITING_DOCUMENTS", reasons: "  Please send proof of identity.  ", documents: ["IDENTITY", "BOGUS" as never] });
    const [request] = await t.db.documentRequest.findMany({ where: { applicationId: appId } });
    expect(request).toMatchObject({ documents: ["IDENTITY"], note: "Please send proof of identity.", requestedById: staff.id, answeredAt: null });
    expect(await t.db.applicationStatusChange.findFirst({ where: { applicationId: appId, toStatus: "AWAITING_DOCUMENTS" } })).toMatchObject({ reasons: "Please send proof of identity.", actorRole: "PROGRAM_STAFF" });
    // The assistant is told, content-free, that something changed (SEC-29): no reference, no reasons.
    const aaEmail = (await t.db.user.findUniqueOrThrow({ where: { id: aa.actor.id } })).email;
    const notices = await t.db.outboxMessage.findMany({ where: { recipient: aaEmail } });
    expect(notices.map((n) => n.template)).toEqual(["new-message"]);
    expect(notices[0].link).toBeNull();
    expect(notices[0].idempotencyKey).not.toMatch(/APP-|proof/i);

    // An infected file (destroyed at once) does not answer the request.
    const bad = await uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "IDENTITY_DOCUMENT", bytes: PNG }, { store: store(), scanner: scannerSaying("infected") });
    expect(bad.scanStatus).toBe("INFECTED");
    expect((await t.db.documentRequest.findUniqueOrThrow({ where: { id: request.id } })).answeredAt).toBeNull();
    const answer = await uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "IDENTITY_DOCUMENT", bytes: PNG }, { store: store(), scanner: null });
    expect(answer.scanStatus).toBe("NOT_SCANNED");
    expect((await t.db.documentRequest.findUniqueOrThrow({ where: { id: request.id } })).answeredAt).toBeInstanceOf(Date);
    // Still the assistant's only way in: the answers stay closed to them (SEC-05).
    await expect(saveDraftStep(t.db, aa.actor, { applicationId: appId, step: "contact", intent: "autosave", values: { phone: "1" } })).rejects.toMatchObject({ code: "SUBMITTED" });

    expect(await decideApplication(t.db, staff, { applicationId: appId, to: "UNDER_REVIEW" })).toEqual({ from: "AWAITING_DOCUMENTS", to: "UNDER_REVIEW" });
  });

  it("asks for written reasons to deny, and the General Counsel's approval to certify on 'other' evidence", async () => {
    await expect(decideApplication(t.db, pm, { applicationId: appId, to: "DENIED" })).rejects.toMatchObject({ code: "REASON_REQUIRED", message: "AppErrors.reasonRequired" });
    await expect(decideApplication(t.db, pm, { applicationId: appId, to: "DENIED", reasons: "   " })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    await expect(decideApplication(t.db, pm, { applicationId: appId, to: "CERTIFIED" })).rejects.toMatchObject({ code: "GC_APPROVAL_REQUIRED", message: "AppErrors.gcApprovalRequired" });
    await expect(decideApplication(t.db, staff, { applicationId: appId, to: "PENDING_GC_APPROVAL" })).rejects.toMatchObject({ code: "NOT_YOUR_STEP" });
    expect(await t.db.application.findUniqueOrThrow({ where: { id: appId } })).toMatchObject({ status: "UNDER_REVIEW", decidedAt: null, decisionReasons: null });

    await decideApplication(t.db, pm, { applicationId: appId, to: "PENDING_GC_APPROVAL" });
    for (const who of [staff, pm]) {
      await expect(decideApplication(t.db, who, { applicationId: appId, to: "CERTIFIED" }), who.role).rejects.toMatchObject({ code: "NOT_YOUR_STEP" });
    }
    await expect(decideApplication(t.db, gc, { applicationId: appId, to: "UNDER_REVIEW" })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    expect(await t.db.participant.count({ where: { applicationId: appId } })).toBe(0);
  });

  it("certifies on the General Counsel's step: the applicant and the covered child become participants of one household", async () => {
    const now = new Date();
    expect(await decideApplication(t.db, gc, { applicationId: appId, to: "CERTIFIED" }, now)).toEqual({ from: "PENDING_GC_APPROVAL", to: "CERTIFIED" });
    const app = await t.db.application.findUniqueOrThrow({ where: { id: appId } });
    expect(app).toMatchObject({ status: "CERTIFIED", decidedAt: now, decidedById: gc.id });

    const people = await t.db.participant.findMany({ where: { applicationId: appId }, include: { household: true, contacts: true }, orderBy: { isApplicant: "desc" } });
    expect(people.map((p) => [p.firstName, p.lastName, p.isApplicant])).toEqual([
      ["Test", "Applicant", true],
      ["Test", "Child", false],
    ]);
    expect(await t.db.participant.count({ where: { firstName: "Uncovered", applicationId: appId } })).toBe(0);
    const [applicant, child] = people;

    // One household, with a random unit number in the published range (U-11).
    expect(child.householdId).toBe(applicant.householdId);
    expect(applicant.household.unitNumber).toBeGreaterThanOrEqual(UNIT_RANGE[0]);
    expect(applicant.household.unitNumber).toBeLessThanOrEqual(UNIT_RANGE[1]);
    expect(await t.db.participant.count({ where: { householdId: applicant.householdId } })).toBe(2);

    const effectiveOn = todayInMassachusetts(now);
    for (const p of people) {
      expect(isValidParticipantNumber(p.participantNumber), p.participantNumber).toBe(true);
      expect(p).toMatchObject({ status: "ACTIVE", track: "SURVIVOR", effectiveOn, expiresOn: certificationExpiry(effectiveOn), cardIssuedOn: effectiveOn, certifiedById: gc.id, lastNameKey: nameKey(p.lastName) });
    }
    expect(applicant.expiresOn.getTime()).toBeGreaterThan(effectiveOn.getTime());
    expect(applicant.participantNumber).not.toBe(child.participantNumber);
    // 130.04(2)(e): the card name is the applicant's only.
    expect(applicant.cardName).toBe("T. Applicant");
    expect(child.cardName).toBeNull();

    // Protected values sealed: dates of birth, addresses, phone.
    const cipher = fieldCipher(t.db);
    expect(await cipher.openText("date-of-birth", applicant.dateOfBirthEnc!)).toBe("1990-04-28");
    expect(await cipher.openText("date-of-birth", child.dateOfBirthEnc!)).toBe("2015-06-01");
    expect(applicant.identityIndex).toBe(app.identityIndex);
    expect(child.identityIndex).toBe(await identityIndexOf(cipher, { firstName: "Test", lastName: "Child", dateOfBirth: "2015-06-01" }));
    for (const p of people) {
      expect(p.contacts.map((c) => c.kind).sort()).toEqual(["MAILING", "PHONE", "RESIDENCE"]);
      for (const c of p.contacts) {
        expect(c.valueEnc).not.toContain("Hidden");
        expect(c.valueEnc).not.toContain("555-0100");
        expect(await rawRow("ProtectedContact", c.id)).not.toContain("Hidden Lane");
      }
      const open = async (kind: string) => cipher.openText("contact", p.contacts.find((c) => c.kind === kind)!.valueEnc);
      expect(await open("RESIDENCE")).toBe(`${STREET}, Apt 3, Boston, MA 02108`);
      expect(await open("MAILING")).toBe(`${STREET}, Apt 3, Boston, MA 02108`);
      expect(await open("PHONE")).toBe(PHONE);
      expect(await rawRow("Participant", p.id)).not.toContain("1990-04-28");
    }

    const history = await t.db.applicationStatusChange.findMany({ where: { applicationId: appId } });
    expect(history.map((h) => `${h.fromStatus}>${h.toStatus}`).sort()).toEqual(
      ["DRAFT>SUBMITTED", "SUBMITTED>UNDER_REVIEW", "UNDER_REVIEW>AWAITING_DOCUMENTS", "AWAITING_DOCUMENTS>UNDER_REVIEW", "UNDER_REVIEW>PENDING_GC_APPROVAL", "PENDING_GC_APPROVAL>CERTIFIED"].sort(),
    );
    expect(await t.db.auditEvent.count({ where: { targetId: appId, action: "application.status-changed" } })).toBe(6);
    const certified = await t.db.auditEvent.findMany({ where: { targetId: appId, action: "participant.certified" } });
    expect(certified.map((e) => [e.details, e.actorId])).toEqual([[{ participants: 2 }, gc.id]]);

    // Decided is decided: a second certification creates nobody.
    await expect(decideApplication(t.db, gc, { applicationId: appId, to: "CERTIFIED" })).rejects.toMatchObject({ code: "TRANSITION_REFUSED" });
    expect(await t.db.participant.count({ where: { applicationId: appId } })).toBe(2);
    await expect(uploadEvidence(t.db, aa.actor, { applicationId: appId, kind: "OTHER", bytes: PNG }, { store: store(), scanner: null })).rejects.toMatchObject({ code: "CLOSED" });
  });
});

describe("the health-care track (§2(1)(b), 950 CMR 131.00, U-13)", () => {
  it("the applicant starts and submits without any assistant; the Program Manager certifies even on 'other' evidence", async () => {
    const store = storeIn("health-care");
    const user = await createUser(t.db, { role: "HEALTH_CARE_APPLICANT" });
    const me: ApplicantActor = { id: user.id, role: "HEALTH_CARE_APPLICANT", ip: "2001:db8:1234:5678::9" };
    const staff = await staffActor("PROGRAM_STAFF");
    const pm = await staffActor("PROGRAM_MANAGER");
    const last = `Provider ${uniqueSuffix()}`;

    const { id } = await startApplication(t.db, me);
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ track: "HEALTH_CARE", applicantUserId: user.id, assistantId: null, status: "DRAFT" });
    expect((await startApplication(t.db, me)).id).toBe(id); // one open application: resumed, not duplicated

    const values = withoutHousehold(completeHealthCareForm({ lastName: last, applicantSignature: `Test ${last}` }));
    // The assistant's fields are not this track's: sent anyway, they are dropped.
    await fillDraft(me, id, { ...values, assistantRegistrationNumber: "AA-ZZZZZZ", applicantType: "PARENT_OF_MINOR", qualifyingCategories: "STALKING" });
    const { values: stored } = await readDraft(t.db, me, id);
    expect(stored).not.toHaveProperty("assistantRegistrationNumber");
    expect(stored).not.toHaveProperty("applicantType");
    expect(stored).not.toHaveProperty("qualifyingCategories");
    expect(stored).toMatchObject({ healthCareActivity: "PROVIDES", healthCareRole: "Nurse midwife" });

    await expect(uploadEvidence(t.db, me, { applicationId: id, kind: "COURT_RECORD", bytes: PDF }, { store, scanner: null })).rejects.toMatchObject({ code: "KIND" });
    expect(await submitApplication(t.db, me, id)).toEqual({ ok: false, step: "evidence", errors: { evidence: "AppErrors.evidenceRoleMissing" } });
    await uploadEvidence(t.db, me, { applicationId: id, kind: "OTHER", bytes: PDF }, { store, scanner: null });
    expect(await submitApplication(t.db, me, id)).toMatchObject({ ok: true });

    const app = await t.db.application.findUniqueOrThrow({ where: { id }, include: { signatures: true } });
    expect(app).toMatchObject({ status: "SUBMITTED", assistantRegistrationNumber: null, collectionNoticeVersion: COLLECTION_NOTICE_VERSION });
    expect(app.identityIndex).toBeTruthy();
    expect(app.signatures.map((s) => [s.signer, s.typedName, s.userId, s.ipPrefix])).toEqual([["APPLICANT", `Test ${last}`, user.id, "2001:db8:1234::"]]);

    await decideApplication(t.db, staff, { applicationId: id, to: "UNDER_REVIEW" });
    // No counsel step on this track, and staff do not certify.
    await expect(decideApplication(t.db, pm, { applicationId: id, to: "PENDING_GC_APPROVAL" })).rejects.toMatchObject({ code: "TRANSITION_REFUSED" });
    await expect(decideApplication(t.db, staff, { applicationId: id, to: "CERTIFIED" })).rejects.toMatchObject({ code: "NOT_YOUR_STEP" });
    await decideApplication(t.db, pm, { applicationId: id, to: "CERTIFIED" });

    const people = await t.db.participant.findMany({ where: { applicationId: id } });
    expect(people.map((p) => [p.firstName, p.lastName, p.track, p.isApplicant, p.certifiedById])).toEqual([["Test", last, "HEALTH_CARE", true, pm.id]]);
    expect(isValidParticipantNumber(people[0].participantNumber)).toBe(true);
    // The applicant may start again once this one is decided.
    expect((await startApplication(t.db, me)).id).not.toBe(id);
  });
});

describe("the duplicate check (3.A)", () => {
  it("flags the same name and date of birth: as an open application, then as a participant once certified", async () => {
    const store = storeIn("duplicates");
    const aa = await assistantWith();
    const other = await assistantWith();
    const staff = await staffActor("PROGRAM_STAFF");
    const pm = await staffActor("PROGRAM_MANAGER");
    const last = `Applicant ${uniqueSuffix()}`;

    async function submitted(who: typeof aa, over: FormValues) {
      const { id } = await startApplication(t.db, who.actor);
      await fillDraft(who.actor, id, withoutHousehold(completeSurvivorForm(who.number, over)));
      await uploadEvidence(t.db, who.actor, { applicationId: id, kind: "COURT_RECORD", bytes: PDF }, { store, scanner: null });
      expect(await submitApplication(t.db, who.actor, id)).toMatchObject({ ok: true });
      return t.db.application.findUniqueOrThrow({ where: { id } });
    }
    const first = await submitted(aa, { lastName: last, applicantSignature: `Test ${last}` });
    expect(await possibleDuplicates(t.db, first)).toEqual({ participants: 0, applications: 0 });

    // The same person typed differently, by another assistant.
    const second = await submitted(other, { firstName: "TEST", lastName: ` ${last.toUpperCase()}  `, applicantSignature: `test ${last}` });
    expect(second.identityIndex).toBe(first.identityIndex);
    expect(await possibleDuplicates(t.db, second)).toEqual({ participants: 0, applications: 1 });

    // Same name, another date of birth: another person.
    const third = await submitted(other, { lastName: last, applicantSignature: `Test ${last}`, dateOfBirth: "1991-04-28" });
    expect(third.identityIndex).not.toBe(first.identityIndex);
    expect(await possibleDuplicates(t.db, third)).toEqual({ participants: 0, applications: 0 });

    // Certified on a certified record: the Program Manager alone (no "other" evidence); staff may not.
    await decideApplication(t.db, staff, { applicationId: first.id, to: "UNDER_REVIEW" });
    await expect(decideApplication(t.db, staff, { applicationId: first.id, to: "CERTIFIED" })).rejects.toMatchObject({ code: "NOT_YOUR_STEP", message: "AppErrors.notYourStep" });
    await expect(decideApplication(t.db, pm, { applicationId: first.id, to: "PENDING_GC_APPROVAL" })).rejects.toMatchObject({ code: "GC_APPROVAL_REQUIRED" });
    await decideApplication(t.db, pm, { applicationId: first.id, to: "CERTIFIED" });
    expect(await t.db.participant.count({ where: { applicationId: first.id } })).toBe(1);

    expect(await possibleDuplicates(t.db, second)).toEqual({ participants: 1, applications: 0 });
    // The certified application does not flag its own participants; it still sees the other open one.
    expect(await possibleDuplicates(t.db, first)).toEqual({ participants: 0, applications: 1 });
    expect(await possibleDuplicates(t.db, third)).toEqual({ participants: 0, applications: 0 });
    expect(await possibleDuplicates(t.db, { id: "none", identityIndex: null })).toEqual({ participants: 0, applications: 0 });
  });
});
