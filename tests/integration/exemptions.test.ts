// Agency exemption requests (issue 6, items 2–4; 950 CMR 130, formerly 13.09; 131.07) end to end against
// the real database: filing with sealed attachments, the row scope between agencies, the review loop,
// determinations that need the §4 findings, reasons and conditions, the reconsideration by the
// configured reviewer, the expiry job, the register and the participants an agency reports (U-16).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, isoDate, todayInMassachusetts } from "../../lib/dates/calendar";
import type { Role } from "../../lib/db/generated/enums";
import { FileSystemEvidenceStore } from "../../lib/evidence/storage";
import { answerInformation } from "../../lib/exemptions/answer-information";
import { appealExemption } from "../../lib/exemptions/appeal-exemption";
import { readAttachment, scanPendingExemptionAttachments } from "../../lib/exemptions/attachments";
import { decideAppeal } from "../../lib/exemptions/decide-appeal";
import { decideExemption } from "../../lib/exemptions/decide-exemption";
import { exemptionDecisionLetter } from "../../lib/exemptions/decision-letter";
import { expireExemptions } from "../../lib/exemptions/expire-exemptions";
import { fileExemptionRequest } from "../../lib/exemptions/file-exemption-request";
import { markNoticeSent } from "../../lib/exemptions/mark-notice-sent";
import { agencyRequests, exemptionQueue, exemptionRequest, grantsRegister, noticesToSend } from "../../lib/exemptions/queries";
import { reportParticipants } from "../../lib/exemptions/report-participants";
import { requestInformation } from "../../lib/exemptions/request-information";
import { revokeExemption } from "../../lib/exemptions/revoke-exemption";
import { decideAppealSchema, decideSchema, fileRequestSchema, type DecideAppealInput, type DecideInput } from "../../lib/exemptions/schema";
import { startReview } from "../../lib/exemptions/start-review";
import type { ExemptionActor } from "../../lib/exemptions/transition";
import { generateParticipantNumber } from "../../lib/participants/participant-number";
import { createApplication, createHousehold, createOrganisation, createParticipant, createUser } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let root: string;
let store: FileSystemEvidenceStore;
const deps = () => ({ store, scanner: null });

beforeAll(() => {
  t = openTestDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "acp-exemptions-"));
  store = new FileSystemEvidenceStore(root);
});
afterAll(async () => {
  await t?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);

async function agencyUser(kind: "STATE_AGENCY" | "LOCAL_AGENCY" = "STATE_AGENCY"): Promise<ExemptionActor & { email: string; organisationId: string }> {
  const org = await createOrganisation(t.db, { kind });
  const u = await createUser(t.db, { role: "AGENCY_USER", organisationId: org.id });
  return { id: u.id, role: "AGENCY_USER", ip: "198.51.100.9", organisationId: org.id, displayName: u.displayName, email: u.email };
}

async function staff(role: Role): Promise<ExemptionActor> {
  const u = await createUser(t.db, { role });
  return { id: u.id, role, ip: "198.51.100.20" };
}

const REQUEST = fileRequestSchema.parse({
  statuteOrRule: "M.G.L. c. 90, § 8 (fictional test statute)",
  recordSeries: "Commercial driver licence files (test)",
  namedIndividuals: "Avery Records, records officer\nBlake Audit, internal auditor",
  whyProceduresInsufficient: "Federal rules require the residential address in the licence file itself.",
  confidentialityMeasures: "Kept in a restricted table opened only by the named people.",
  agencyHeadName: "Casey Head",
  agencyHeadTitle: "Registrar (test)",
  certified: "yes",
});

const today = () => todayInMassachusetts(new Date());
const inDays = (n: number) => isoDate(addCalendarDays(today(), n));

function grant(requestId: string, over: Partial<DecideInput> = {}): DecideInput {
  return decideSchema.parse({
    requestId,
    outcome: "GRANTED",
    reasons: "The statute requires the address in this record.",
    findingBonaFideNeed: "yes",
    findingUseLimited: "yes",
    findings: "A federal rule requires the residential address; use is limited to licensing.",
    confidentialityDuties: "Never disclose the address outside the named people.",
    useAndAccessLimits: "Only the named individuals, only to issue the licence.",
    recordFormat: "A separate encrypted column, hidden in every report.",
    termEndsOn: inDays(365),
    purgeOn: inDays(400),
    ...over,
  });
}

const withhold = (requestId: string): DecideInput =>
  decideSchema.parse({ requestId, outcome: "WITHHELD", reasons: "The need can be met with the substitute address.", findingBonaFideNeed: "no", findingUseLimited: "yes", findings: "No statute requires the actual address." });

/** A request filed by `agency` and taken into review by staff. */
async function underReview(agency: ExemptionActor, clerk: ExemptionActor) {
  const r = await fileExemptionRequest(t.db, agency, REQUEST, [], deps());
  await startReview(t.db, clerk, r.id);
  return r;
}

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message, field: (e as { field?: string }).field };
  }
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy, extractText } = await import("unpdf");
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(doc, { mergePages: true })).text as string;
}

describe("filing (131.07(1))", () => {
  it("files a request with its items, a sealed attachment, a first history row and audit entries", async () => {
    const agency = await agencyUser();
    const r = await fileExemptionRequest(t.db, agency, REQUEST, [PNG], deps());
    expect(r.reference).toMatch(/^EXR-[0-9A-F]{8}$/);
    const row = await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id }, include: { events: true, attachments: true } });
    expect(row).toMatchObject({ status: "SUBMITTED", organisationId: agency.organisationId, submittedById: agency.id, namedIndividuals: ["Avery Records, records officer", "Blake Audit, internal auditor"], agencyHeadName: "Casey Head" });
    expect(row.events).toMatchObject([{ fromStatus: null, toStatus: "SUBMITTED", actorId: agency.id, actorRole: "AGENCY_USER" }]);
    expect(row.attachments).toMatchObject([{ mediaType: "image/png", sizeBytes: PNG.length, scanStatus: "NOT_SCANNED" }]);
    // Sealed: the stored file is not the plaintext.
    expect(readdirSync(root)).toContain(row.attachments[0].storageKey);
    const audit = await t.db.auditEvent.findMany({ where: { targetId: r.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["exemption.attachment-added", "exemption.filed"]);
    // Staff read it back through the scope; the opening is audited.
    const gc = await staff("GENERAL_COUNSEL");
    expect((await readAttachment(t.db, gc, r.id, row.attachments[0].id, { store }))?.bytes.equals(PNG)).toBe(true);
    expect(await readAttachment(t.db, agency, "other", row.attachments[0].id, { store })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { targetId: r.id, action: "exemption.attachment-opened" } })).toBe(1);
  });

  it("refuses a file that is not a PDF, PNG or JPEG and leaves nothing behind", async () => {
    const agency = await agencyUser();
    const before = await t.db.exemptionRequest.count();
    const files = readdirSync(root).length;
    expect(await refusal(fileExemptionRequest(t.db, agency, REQUEST, [PNG, Buffer.from("just text")], deps()))).toMatchObject({ code: "FILE_TYPE", field: "files" });
    expect(await t.db.exemptionRequest.count()).toBe(before);
    expect(readdirSync(root).length).toBe(files);
  });

  it("holds a file until the scanner says it is clean, and destroys an infected one", async () => {
    const agency = await agencyUser();
    const r = await fileExemptionRequest(t.db, agency, REQUEST, [PNG], { store, scanner: { scan: async () => ({ verdict: "infected", signature: "Test.EICAR" }) } });
    const a = await t.db.exemptionAttachment.findFirstOrThrow({ where: { requestId: r.id } });
    expect(a.scanStatus).toBe("INFECTED");
    expect(readdirSync(root)).not.toContain(a.storageKey);
    expect(await scanPendingExemptionAttachments(t.db, { store, scanner: null })).toBe(0);
  });

  it("needs an agency user of a state or local agency", async () => {
    const noAgency: ExemptionActor = { ...(await staff("AGENCY_USER")), organisationId: null };
    expect(await code(fileExemptionRequest(t.db, noAgency, REQUEST, [], deps()))).toBe("NO_AGENCY");
    const nonprofit = await createOrganisation(t.db, { kind: "NONPROFIT" });
    expect(await code(fileExemptionRequest(t.db, { ...noAgency, organisationId: nonprofit.id }, REQUEST, [], deps()))).toBe("NO_AGENCY");
    expect(await code(fileExemptionRequest(t.db, await staff("PROGRAM_MANAGER"), REQUEST, [], deps()))).toBe("NOT_YOUR_STEP");
  });
});

describe("the row scope between agencies", () => {
  it("never shows agency A's request to agency B, in lists, pages, steps or letters", async () => {
    const a = await agencyUser();
    const b = await agencyUser("LOCAL_AGENCY");
    const clerk = await staff("PROGRAM_STAFF");
    const pm = await staff("PROGRAM_MANAGER");
    const mine = await fileExemptionRequest(t.db, a, REQUEST, [], deps());
    const theirs = await fileExemptionRequest(t.db, b, REQUEST, [], deps());
    expect((await agencyRequests(t.db, a)).map((r) => r.id)).toEqual([mine.id]);
    expect((await agencyRequests(t.db, b)).map((r) => r.id)).toEqual([theirs.id]);
    expect(await exemptionRequest(t.db, b, mine.id)).toBeNull();
    expect(await exemptionRequest(t.db, a, mine.id)).not.toBeNull();
    // Staff see both.
    expect(await exemptionRequest(t.db, clerk, mine.id)).not.toBeNull();
    expect(await exemptionRequest(t.db, clerk, theirs.id)).not.toBeNull();
    // Another agency's request is "not found" for every step and the letter.
    await startReview(t.db, clerk, mine.id);
    await requestInformation(t.db, clerk, mine.id, "Which federal rule?");
    expect(await code(answerInformation(t.db, b, mine.id, "Not ours to answer.", [], deps()))).toBe("NOT_FOUND");
    await answerInformation(t.db, a, mine.id, "49 CFR 383 (test).", [], deps());
    await decideExemption(t.db, pm, withhold(mine.id));
    expect(await code(appealExemption(t.db, b, mine.id, "We would like to appeal this."))).toBe("NOT_FOUND");
    expect(await code(exemptionDecisionLetter(t.db, b, mine.id))).toBe("NOT_FOUND");
    expect((await exemptionDecisionLetter(t.db, a, mine.id)).length).toBeGreaterThan(1000);
    // Other roles see nothing at all.
    const aa = await staff("APPLICATION_ASSISTANT");
    expect(await agencyRequests(t.db, aa)).toEqual([]);
    expect(await exemptionRequest(t.db, { ...aa, role: "AGENCY_USER", organisationId: null }, mine.id)).toBeNull();
  });
});

describe("review (3.F)", () => {
  it("lets staff ask, the agency answer, and keeps every question and answer in the history", async () => {
    const agency = await agencyUser();
    const clerk = await staff("PROGRAM_STAFF");
    const r = await fileExemptionRequest(t.db, agency, REQUEST, [], deps());
    expect(await code(startReview(t.db, agency, r.id))).toBe("NOT_YOUR_STEP");
    await startReview(t.db, clerk, r.id);
    expect(await code(startReview(t.db, clerk, r.id))).toBe("TRANSITION_REFUSED");
    expect(await code(requestInformation(t.db, clerk, r.id, "  "))).toBe("NOTE_REQUIRED");
    await requestInformation(t.db, clerk, r.id, "How long is the address kept?");
    expect(await t.db.outboxMessage.count({ where: { recipient: agency.email, template: "new-message" } })).toBe(1);
    expect(await code(answerInformation(t.db, clerk, r.id, "Staff cannot answer for the agency.", [], deps()))).toBe("NOT_YOUR_STEP");
    await answerInformation(t.db, agency, r.id, "Five years, then shredded.", [PNG], deps());
    const row = await exemptionRequest(t.db, clerk, r.id);
    expect(row?.status).toBe("UNDER_REVIEW");
    expect(row?.events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, "SUBMITTED", null],
      ["SUBMITTED", "UNDER_REVIEW", null],
      ["UNDER_REVIEW", "INFORMATION_REQUESTED", "How long is the address kept?"],
      ["INFORMATION_REQUESTED", "UNDER_REVIEW", "Five years, then shredded."],
    ]);
    expect(row?.attachments).toHaveLength(1);
  });

  it("flags requests open past the 30-day target in the queue, oldest first", async () => {
    const agency = await agencyUser();
    const r = await fileExemptionRequest(t.db, agency, REQUEST, [], deps(), new Date(Date.now() - 40 * 86_400_000));
    const clerk = await staff("PROGRAM_STAFF");
    const q = await exemptionQueue(t.db, clerk, { page: 1, status: "SUBMITTED" });
    const row = q.rows.find((x) => x.id === r.id);
    expect(row).toMatchObject({ daysOpen: 40, overTarget: true });
    expect(q.rows[0].submittedAt <= q.rows.at(-1)!.submittedAt).toBe(true);
  });
});

describe("determinations (131.07(4)–(5); §4)", () => {
  it("let only the Program Manager decide", async () => {
    const r = await underReview(await agencyUser(), await staff("PROGRAM_STAFF"));
    for (const role of ["PROGRAM_STAFF", "GENERAL_COUNSEL"] as const) expect(await code(decideExemption(t.db, await staff(role), grant(r.id)))).toBe("NOT_YOUR_STEP");
  });

  it("need both findings met, written reasons and every condition for a grant, with a purge date no earlier than the term's end", async () => {
    const agency = await agencyUser();
    const pm = await staff("PROGRAM_MANAGER");
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    // The form's schema is the first check…
    expect(decideSchema.safeParse({ ...grant(r.id), purgeOn: "" }).success).toBe(false);
    expect(decideSchema.safeParse({ ...grant(r.id), reasons: "" }).success).toBe(false);
    expect(decideSchema.safeParse({ ...grant(r.id), findings: "" }).success).toBe(false);
    // …and the use case checks again whatever reaches it.
    expect(await refusal(decideExemption(t.db, pm, { ...grant(r.id), purgeOn: "" }))).toMatchObject({ field: "purgeOn", message: "Validation.purgeRequired" });
    expect(await refusal(decideExemption(t.db, pm, { ...grant(r.id), findingUseLimited: "no" }))).toMatchObject({ field: "findingUseLimited", message: "Validation.testNotMet" });
    expect(await refusal(decideExemption(t.db, pm, { ...grant(r.id), recordFormat: "" }))).toMatchObject({ field: "recordFormat" });
    expect(await refusal(decideExemption(t.db, pm, grant(r.id, { purgeOn: inDays(300) })))).toMatchObject({ field: "purgeOn", message: "Validation.purgeAfterTerm" });
    expect(await refusal(decideExemption(t.db, pm, grant(r.id, { termEndsOn: isoDate(today()) })))).toMatchObject({ field: "termEndsOn", message: "Validation.termFuture" });
    expect(await refusal(decideExemption(t.db, pm, { ...grant(r.id), reasons: " " }))).toMatchObject({ field: "reasons", code: "NOTE_REQUIRED" });
    expect((await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("UNDER_REVIEW");

    await decideExemption(t.db, pm, grant(r.id));
    const row = await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "GRANTED", findingBonaFideNeed: true, findingUseLimited: true, decidedById: pm.id, recordFormat: "A separate encrypted column, hidden in every report." });
    expect(isoDate(row.termEndsOn!)).toBe(inDays(365));
    expect(isoDate(row.purgeOn!)).toBe(inDays(400));
    // SEC-10: a grant is a dissemination; it names no participant.
    const log = await t.db.disseminationLog.findMany({ where: { organisationId: agency.organisationId, kind: "EXEMPTION_GRANT" } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ participantId: null, legalRoute: "M.G.L. c. 9A §4; 950 CMR 130 (formerly 13.09)", recipientName: "Casey Head, Registrar (test)" });
    expect(await t.db.auditEvent.count({ where: { targetId: r.id, action: "exemption.status-changed" } })).toBe(2);

    // The letter names the findings, the reasons and every condition.
    const text = (await pdfText(await exemptionDecisionLetter(t.db, agency, r.id))).replace(/\s+/g, " ");
    for (const s of ["granted", "Avery Records, records officer", "Blake Audit, internal auditor", "A separate encrypted column", "Never disclose the address", "Only the named individuals", "A federal rule requires", "The statute requires the address", "Purge date", "Term", "General Counsel"]) expect(text).toContain(s);
    expect(await t.db.auditEvent.count({ where: { targetId: r.id, action: "exemption.letter-generated" } })).toBe(1);
  });

  it("withholds with findings and written reasons, from review or while waiting for an answer", async () => {
    const pm = await staff("PROGRAM_MANAGER");
    const clerk = await staff("PROGRAM_STAFF");
    const r = await underReview(await agencyUser(), clerk);
    await requestInformation(t.db, clerk, r.id, "Please send the statute text.");
    expect(await refusal(decideExemption(t.db, pm, { ...withhold(r.id), findings: undefined }))).toMatchObject({ field: "findings" });
    expect(await code(decideExemption(t.db, pm, grant(r.id)))).toBe("TRANSITION_REFUSED");
    await decideExemption(t.db, pm, withhold(r.id));
    const row = await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "WITHHELD", findingBonaFideNeed: false, findingUseLimited: true, reasons: "The need can be met with the substitute address.", termEndsOn: null, purgeOn: null });
    expect(await t.db.disseminationLog.count({ where: { organisationId: row.organisationId } })).toBe(0);
  });

  it("revokes a grant with reasons, PM only", async () => {
    const pm = await staff("PROGRAM_MANAGER");
    const r = await underReview(await agencyUser(), await staff("PROGRAM_STAFF"));
    await decideExemption(t.db, pm, grant(r.id));
    expect(await code(revokeExemption(t.db, await staff("PROGRAM_STAFF"), r.id, "Misuse reported by an auditor."))).toBe("NOT_YOUR_STEP");
    expect(await code(revokeExemption(t.db, pm, r.id, ""))).toBe("NOTE_REQUIRED");
    await revokeExemption(t.db, pm, r.id, "Misuse reported by an auditor.");
    expect(await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "REVOKED", revokedReason: "Misuse reported by an auditor." });
  });
});

describe("reconsideration (U-9)", () => {
  const appealInput = (requestId: string, appealedFrom: "GRANTED" | "WITHHELD", over: Record<string, string> = {}): DecideAppealInput =>
    decideAppealSchema.parse({ requestId, appealedFrom, outcome: "UPHELD", reasons: "Reconsidered on the papers sent.", ...over });

  it("is decided by the configured reviewer only (General Counsel by default), once", async () => {
    const agency = await agencyUser();
    const pm = await staff("PROGRAM_MANAGER");
    const gc = await staff("GENERAL_COUNSEL");
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    await decideExemption(t.db, pm, withhold(r.id));
    await appealExemption(t.db, agency, r.id, "We can show the statute requires the address.");
    expect(await code(decideAppeal(t.db, pm, appealInput(r.id, "WITHHELD"), { reviewer: "GENERAL_COUNSEL" }))).toBe("NOT_YOUR_STEP");
    // A change to a grant needs the findings and every condition.
    const bare = { ...appealInput(r.id, "WITHHELD"), outcome: "CHANGED" as const };
    expect(decideAppealSchema.safeParse(bare).success).toBe(false);
    expect(await refusal(decideAppeal(t.db, gc, bare, { reviewer: "GENERAL_COUNSEL" }))).toMatchObject({ code: "DETERMINATION_INCOMPLETE" });
    const g = grant(r.id);
    await decideAppeal(t.db, gc, { ...bare, findingBonaFideNeed: "yes", findingUseLimited: "yes", findings: g.findings, confidentialityDuties: g.confidentialityDuties, useAndAccessLimits: g.useAndAccessLimits, recordFormat: g.recordFormat, termEndsOn: g.termEndsOn, purgeOn: g.purgeOn }, { reviewer: "GENERAL_COUNSEL" });
    const row = await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "GRANTED", appealedFrom: "WITHHELD", appealOutcome: "CHANGED", appealDecidedById: gc.id, reasons: "Reconsidered on the papers sent.", findingBonaFideNeed: true });
    expect(await t.db.disseminationLog.count({ where: { organisationId: agency.organisationId, kind: "EXEMPTION_GRANT" } })).toBe(1);
    // One reconsideration only.
    expect(await code(appealExemption(t.db, agency, r.id, "Once more, please."))).toBe("ALREADY_RECONSIDERED");
    const text = (await pdfText(await exemptionDecisionLetter(t.db, agency, r.id))).replace(/\s+/g, " ");
    expect(text).toContain("On reconsideration, the General Counsel granted");
    expect(text).toContain("changed it");
  });

  it("goes to the Program Manager when the setting names them, and an upheld decision stands", async () => {
    const agency = await agencyUser();
    const pm = await staff("PROGRAM_MANAGER");
    const gc = await staff("GENERAL_COUNSEL");
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    await decideExemption(t.db, pm, grant(r.id));
    await appealExemption(t.db, agency, r.id, "The term is too short for our audit cycle.");
    expect(await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "APPEALED", appealedFrom: "GRANTED", appealReasons: "The term is too short for our audit cycle." });
    // While an appeal is open the agency reports nothing under the grant (131.07(3): substitute address meanwhile).
    expect(await code(reportParticipants(t.db, agency, r.id, [generateParticipantNumber()]))).toBe("NOT_GRANTED");
    expect(await code(decideAppeal(t.db, gc, appealInput(r.id, "GRANTED"), { reviewer: "PROGRAM_MANAGER" }))).toBe("NOT_YOUR_STEP");
    expect(await code(decideAppeal(t.db, pm, appealInput(r.id, "WITHHELD"), { reviewer: "PROGRAM_MANAGER" }))).toBe("CHANGED");
    await decideAppeal(t.db, pm, appealInput(r.id, "GRANTED"), { reviewer: "PROGRAM_MANAGER" });
    expect(await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "GRANTED", appealOutcome: "UPHELD", reasons: "The statute requires the address in this record." });
  });
});

describe("the expiry job and the register", () => {
  it("expires grants past their term, once, and shows reminders before term end and purge date", async () => {
    const agency = await agencyUser();
    const pm = await staff("PROGRAM_MANAGER");
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    await decideExemption(t.db, pm, grant(r.id, { termEndsOn: inDays(10), purgeOn: inDays(20) }));
    const reg = await grantsRegister(t.db, pm);
    expect(reg.active.find((x) => x.id === r.id)).toMatchObject({ termReminder: "due", purgeReminder: "due" });

    // The last day of the term still counts; the day after, the job ends it.
    expect(await expireExemptions(t.db, addCalendarDays(today(), 10))).toBe(0);
    const later = new Date(addCalendarDays(today(), 12).getTime() + 17 * 3600_000);
    expect(await expireExemptions(t.db, later)).toBeGreaterThanOrEqual(1);
    expect((await t.db.exemptionRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("EXPIRED");
    expect(await expireExemptions(t.db, later)).toBe(0);
    expect(await t.db.auditEvent.count({ where: { targetId: r.id, action: "exemption.status-changed", actorId: null } })).toBe(1);
    const after = await grantsRegister(t.db, pm, later);
    expect(after.active.find((x) => x.id === r.id)).toBeUndefined();
    expect(after.ended.find((x) => x.id === r.id)).toMatchObject({ status: "EXPIRED", purgeReminder: "due" });
  });
});

describe("participants reported under a grant (U-16)", () => {
  it("records only matches, answers the same whatever matched, notices each once, and e-mails only account holders", async () => {
    const agency = await agencyUser();
    const pm = await staff("PROGRAM_MANAGER");
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    expect(await code(reportParticipants(t.db, agency, r.id, [generateParticipantNumber()], { participantNotice: true }))).toBe("NOT_GRANTED");
    await decideExemption(t.db, pm, grant(r.id));

    const household = await createHousehold(t.db);
    const survivor = await createParticipant(t.db, { householdId: household.id });
    const cancelled = await createParticipant(t.db, { householdId: household.id, status: "CANCELLED" });
    const applicant = await createUser(t.db, { role: "HEALTH_CARE_APPLICANT" });
    const app = await createApplication(t.db, { track: "HEALTH_CARE", status: "CERTIFIED" });
    await t.db.application.update({ where: { id: app.id }, data: { applicantUserId: applicant.id } });
    const worker = await createParticipant(t.db, { householdId: (await createHousehold(t.db)).id, track: "HEALTH_CARE", applicationId: app.id });
    const unknown = generateParticipantNumber();

    const answer = await reportParticipants(t.db, agency, r.id, [survivor.participantNumber, cancelled.participantNumber, worker.participantNumber, unknown], { participantNotice: true });
    expect(answer).toEqual({ received: 4 });
    const rows = await t.db.exemptionParticipant.findMany({ where: { requestId: r.id } });
    expect(rows.map((x) => x.participantId).sort()).toEqual([survivor.id, worker.id].sort());
    const log = await t.db.disseminationLog.findMany({ where: { organisationId: agency.organisationId, participantId: { not: null } } });
    expect(log.map((x) => x.participantId).sort()).toEqual([survivor.id, worker.id].sort());
    expect(log.every((x) => x.kind === "EXEMPTION_GRANT" && x.userId === agency.id && !x.disclosed.includes(survivor.lastName))).toBe(true);
    // Content-free e-mail only where an account exists: the health-care worker, not the survivor.
    expect(await t.db.outboxMessage.findMany({ where: { recipient: applicant.email }, select: { template: true } })).toEqual([{ template: "new-message" }]);
    // Reporting again adds nothing.
    await reportParticipants(t.db, agency, r.id, [survivor.participantNumber], { participantNotice: true });
    expect(await t.db.exemptionParticipant.count({ where: { requestId: r.id } })).toBe(2);
    expect(await t.db.disseminationLog.count({ where: { organisationId: agency.organisationId, participantId: { not: null } } })).toBe(2);
    expect(await t.db.auditEvent.findFirst({ where: { targetId: r.id, action: "exemption.participants-reported" }, orderBy: { id: "asc" }, select: { details: true } })).toMatchObject({ details: { numbers: 4, recorded: 2 } });
    // Another agency cannot report under this grant.
    expect(await code(reportParticipants(t.db, await agencyUser(), r.id, [survivor.participantNumber]))).toBe("NOT_FOUND");

    // Staff see the notices to send and mark each sent once.
    const clerk = await staff("PROGRAM_STAFF");
    const open = (await noticesToSend(t.db)).filter((n) => n.request.id === r.id);
    expect(open).toHaveLength(2);
    expect(await code(markNoticeSent(t.db, agency, open[0].id))).toBe("NOT_YOUR_STEP");
    await markNoticeSent(t.db, clerk, open[0].id);
    expect(await code(markNoticeSent(t.db, clerk, open[0].id))).toBe("NOT_FOUND");
    expect((await noticesToSend(t.db)).filter((n) => n.request.id === r.id)).toHaveLength(1);
  });

  it("still logs each match once when participant notices are turned off, but adds no notices", async () => {
    const agency = await agencyUser();
    const r = await underReview(agency, await staff("PROGRAM_STAFF"));
    await decideExemption(t.db, await staff("PROGRAM_MANAGER"), grant(r.id));
    const p = await createParticipant(t.db, { householdId: (await createHousehold(t.db)).id });
    await reportParticipants(t.db, agency, r.id, [p.participantNumber], { participantNotice: false });
    await reportParticipants(t.db, agency, r.id, [p.participantNumber], { participantNotice: false });
    expect(await t.db.exemptionParticipant.count({ where: { requestId: r.id } })).toBe(0);
    expect(await t.db.disseminationLog.count({ where: { participantId: p.id } })).toBe(1);
  });
});
