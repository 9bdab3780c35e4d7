// §5 disclosure requests (issue 6, item 6) against the real database: each route's proof, staff
// verification, the Program Manager's decision, the one-time release view, the dissemination log
// and the participant notice (U-16). Only the evidence store is a temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../lib/db/generated/enums";
import { decideDisclosureRequest, hashReleaseToken, type DecideRequest } from "../../lib/disclosures/decide-request";
import { issueReleaseLink, openRelease, releasesFor } from "../../lib/disclosures/open-release";
import { updateParticipantNotice } from "../../lib/disclosures/participant-notice";
import { disclosureDetail, disclosureQueue, pendingParticipantNotices, readCourtOrder } from "../../lib/disclosures/queries";
import { recordDisclosureRequest, type StaffActor } from "../../lib/disclosures/record-request";
import { confirmCallback, receiveWrittenRequest } from "../../lib/disclosures/requester-checks";
import { recordRequestSchema } from "../../lib/disclosures/schema";
import { verifyDisclosureRequest } from "../../lib/disclosures/verify-request";
import { FileSystemEvidenceStore } from "../../lib/evidence/storage";
import { createOrganisation, createUser } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeParticipantWithContacts } from "../support/people";

let t: TestDatabase;
let root: string;
let deps: { store: FileSystemEvidenceStore; scanner: null };

const HOME = "88 Hidden Way, Springfield, MA 01103";
const PHONE = "617-555-0142";
// The agency's desk number and callbacks (plain, not protected data) stay apart from the participant
// phones (617-555-01…) the leak test looks for in a dump.
const AGENCY_PHONE = "(508) 555-0200";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let pm: StaffActor;
let staff: StaffActor;
let counsel: StaffActor;
let agencyUser: StaffActor & { email: string };
let otherAgencyUser: StaffActor & { email: string };
let agency: { id: string; name: string };
let participant: { id: string; participantNumber: string };
let cancelled: { id: string; participantNumber: string };

async function actor(role: Role, organisationId: string | null = null) {
  const u = await createUser(t.db, { role, organisationId });
  return { id: u.id, role, ip: "203.0.113.9", revealDesignated: false, email: u.email };
}

beforeAll(async () => {
  t = openTestDatabase();
  root = mkdtempSync(path.join(os.tmpdir(), "acp-disclosures-"));
  deps = { store: new FileSystemEvidenceStore(root), scanner: null };
  const org = await createOrganisation(t.db, { kind: "LOCAL_AGENCY", name: `Demo Police Department ${Date.now()} (fictional)` });
  await t.db.organisation.update({ where: { id: org.id }, data: { contactPhone: AGENCY_PHONE } });
  agency = org;
  pm = await actor("PROGRAM_MANAGER");
  staff = await actor("PROGRAM_STAFF");
  counsel = await actor("GENERAL_COUNSEL");
  agencyUser = await actor("AGENCY_USER", org.id);
  // The account of the officer the law-enforcement requests below name ("Det. Demo Officer").
  await t.db.user.update({ where: { id: agencyUser.id }, data: { displayName: "Demo Officer" } });
  otherAgencyUser = await actor("AGENCY_USER", (await createOrganisation(t.db, { kind: "STATE_AGENCY" })).id);
  participant = await makeParticipantWithContacts(t.db, HOME, PHONE);
  cancelled = await makeParticipantWithContacts(t.db, "1 Cancelled Court, Salem, MA 01970");
  await t.db.participant.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
});
afterAll(async () => {
  await t?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A form as staff fill it in, per route; `over` changes or blanks fields. */
function form(route: string, over: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = { route, participantNumber: participant.participantNumber, fields: "residence", requesterName: "Robin Requester", requesterTitle: "Officer", reason: "To serve an arrest warrant." };
  const byRoute: Record<string, Record<string, string>> = {
    LAW_ENFORCEMENT: { agencyId: agency.id, callbackNumber: "508-555-0200", namedOfficer: "Det. Demo Officer", signed: "yes", signerName: "Chief Demo", requesterEmail: agencyUser.email },
    AGENCY_COMMISSIONER: { requesterOrganisation: "Department of Demo Revenue", authority: "COMMISSIONER", needShown: "A statutory duty to serve a notice of assessment at the actual address." },
    COURT_ORDER: { requesterOrganisation: "Demo & Demo LLP" },
    FALSE_INFORMATION: { requesterOrganisation: "Office of the Demo District Attorney", participantNumber: cancelled.participantNumber, falseInformationConfirmed: "yes" },
  };
  const values = Object.fromEntries(Object.entries({ ...base, ...byRoute[route], ...over }).filter(([, v]) => v !== undefined));
  return recordRequestSchema.parse(values);
}
/** Skips the form's schema, as a direct caller could: the use case must still refuse. */
function raw(route: string, over: Record<string, unknown>) {
  return { ...form(route), ...over } as ReturnType<typeof form>;
}

const refusal = (p: Promise<unknown>) => p.then(() => ({ code: "ok", field: undefined }), (e) => ({ code: e.code as string, field: e.field as string | undefined }));

async function verifiedLawEnforcement(over: Record<string, string | undefined> = {}) {
  const r = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", over), null, deps);
  await confirmCallback(t.db, staff, r.id);
  await verifyDisclosureRequest(t.db, staff, { requestId: r.id, note: "Called the number on file; the desk sergeant confirmed." });
  return r;
}

describe("each route's proof is required (rules 4.2, U-8)", () => {
  it("law enforcement: the agency's number on file, a matching callback, a named officer, a signed request outside an emergency", async () => {
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("LAW_ENFORCEMENT", { callbackNumber: undefined }), null, deps))).toEqual({ code: "REQUIRED", field: "callbackNumber" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("LAW_ENFORCEMENT", { namedOfficer: undefined }), null, deps))).toEqual({ code: "REQUIRED", field: "namedOfficer" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("LAW_ENFORCEMENT", { signed: false, emergency: false }), null, deps))).toEqual({ code: "REQUIRED", field: "signed" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { callbackNumber: "508-555-0299" }), null, deps))).toEqual({ code: "CALLBACK_MISMATCH", field: "callbackNumber" });
    const noPhone = await createOrganisation(t.db, { kind: "LOCAL_AGENCY" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { agencyId: noPhone.id, requesterEmail: undefined }), null, deps))).toEqual({ code: "NO_PHONE_ON_FILE", field: "agencyId" });
    // The recipient account must belong to the requesting agency.
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { requesterEmail: otherAgencyUser.email }), null, deps))).toEqual({ code: "RECIPIENT_ELSEWHERE", field: "requesterEmail" });
    // The release account must be the named officer's (U-8), not a colleague's.
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { namedOfficer: "Det. Someone Else" }), null, deps))).toEqual({ code: "RECIPIENT_NOT_NAMED", field: "requesterEmail" });
    // Punctuation does not matter: digits are compared.
    const ok = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { callbackNumber: "+1 508 555 0200" }), null, deps);
    // Verification needs the callback step first.
    expect(await refusal(verifyDisclosureRequest(t.db, staff, { requestId: ok.id, note: "Looks right." }))).toMatchObject({ code: "CALLBACK_NOT_VERIFIED" });
    await confirmCallback(t.db, staff, ok.id);
    await verifyDisclosureRequest(t.db, staff, { requestId: ok.id, note: "Called back the number on file." });
    expect((await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: ok.id } })).status).toBe("VERIFIED");
  });

  it("law enforcement in an emergency: no written request yet, due the next business day, and first in the queue", async () => {
    const normal = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT"), null, deps);
    const urgent = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT", { emergency: "yes", signed: undefined, signerName: undefined }), null, deps, new Date("2025-03-07T20:00:00Z"));
    const row = await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: urgent.id } });
    expect(row).toMatchObject({ emergency: true, writtenRequestReceivedAt: null });
    // A Friday afternoon: due Monday at 5 pm in Boston.
    expect(row.writtenRequestDueAt?.toISOString()).toBe("2025-03-10T21:00:00.000Z");
    const queue = await disclosureQueue(t.db, staff);
    expect(queue.open[0].emergency).toBe(true);
    expect(queue.open.findIndex((q) => q.id === urgent.id)).toBeLessThan(queue.open.findIndex((q) => q.id === normal.id));
    await receiveWrittenRequest(t.db, staff, { requestId: urgent.id, signerName: "Chief Demo" });
    expect((await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: urgent.id } })).writtenRequestReceivedAt).not.toBeNull();
    // Only emergencies wait for a written request.
    expect(await refusal(receiveWrittenRequest(t.db, staff, { requestId: normal.id, signerName: "Chief Demo" }))).toMatchObject({ code: "CHANGED" });
  });

  it("agency commissioner: the need shown, and the designation of a designee", async () => {
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("AGENCY_COMMISSIONER", { needShown: undefined }), null, deps))).toEqual({ code: "REQUIRED", field: "needShown" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("AGENCY_COMMISSIONER", { authority: "DESIGNEE" }), null, deps))).toEqual({ code: "REQUIRED", field: "designation" });
    const ok = await recordDisclosureRequest(t.db, staff, form("AGENCY_COMMISSIONER"), null, deps);
    const received = await t.db.auditEvent.findFirstOrThrow({ where: { action: "disclosure.received", targetId: ok.id } });
    expect(received.details).toMatchObject({ route: "AGENCY_COMMISSIONER", authority: "COMMISSIONER", fields: ["residence"] });
  });

  it("court order: the order itself (a real PDF or image), then staff confirm what it says before verifying", async () => {
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), null, deps))).toEqual({ code: "COURT_ORDER_REQUIRED", field: "courtOrder" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), Buffer.from("not a pdf at all"), deps))).toEqual({ code: "FILE_TYPE", field: "courtOrder" });
    const infected = { scan: async () => ({ verdict: "infected" as const, signature: "Eicar-Test-Signature" }) };
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), PDF, { store: deps.store, scanner: infected }))).toEqual({ code: "INFECTED", field: "courtOrder" });
    const ok = await recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), PDF, deps);
    const row = await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: ok.id } });
    // Sealed at rest: the store holds ciphertext only; staff read it back through an audited open.
    expect((await deps.store.get(row.courtOrderStorageKey!)).includes(Buffer.from("%PDF"))).toBe(false);
    expect((await readCourtOrder(t.db, staff, ok.id, deps.store))?.bytes.equals(PDF)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "disclosure.court-order-opened", targetId: ok.id } })).toBe(1);
    expect(await refusal(verifyDisclosureRequest(t.db, counsel, { requestId: ok.id, note: "Read the order.", orderStatesReasons: true }))).toEqual({ code: "ORDER_NOT_CONFIRMED", field: "orderNamesRecipientAndParticipant" });
    expect(await refusal(verifyDisclosureRequest(t.db, counsel, { requestId: ok.id, note: "Read the order.", orderNamesRecipientAndParticipant: true }))).toEqual({ code: "ORDER_NOT_CONFIRMED", field: "orderStatesReasons" });
    await verifyDisclosureRequest(t.db, counsel, { requestId: ok.id, note: "Read the order.", orderNamesRecipientAndParticipant: true, orderStatesReasons: true });
    expect(await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ status: "VERIFIED", courtOrderNamesRecipient: true, courtOrderStatesReasons: true });
  });

  it("false information: a cancelled participant and the staff confirmation of the ground", async () => {
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("FALSE_INFORMATION", { participantNumber: participant.participantNumber }), null, deps))).toEqual({ code: "NOT_CANCELLED", field: "participantNumber" });
    expect(await refusal(recordDisclosureRequest(t.db, staff, raw("FALSE_INFORMATION", { falseInformationConfirmed: false }), null, deps))).toEqual({ code: "REQUIRED", field: "falseInformationConfirmed" });
    const ok = await recordDisclosureRequest(t.db, staff, form("FALSE_INFORMATION"), null, deps);
    await verifyDisclosureRequest(t.db, staff, { requestId: ok.id, note: "Cancellation for false information on file." });
  });

  it("every route: a participant number that exists", async () => {
    expect(await refusal(recordDisclosureRequest(t.db, staff, form("COURT_ORDER", { participantNumber: "1234567897" }), PDF, deps))).toEqual({ code: "PARTICIPANT_UNKNOWN", field: "participantNumber" });
  });
});

describe("the decision is the Program Manager's alone (3.G)", () => {
  it("refuses staff and counsel, and agency users outright", async () => {
    const r = await verifiedLawEnforcement();
    const release: DecideRequest = { requestId: r.id, decision: "RELEASE" };
    for (const who of [staff, counsel]) {
      expect(await refusal(decideDisclosureRequest(t.db, who, release))).toMatchObject({ code: "NOT_YOUR_STEP" });
      expect(await refusal(decideDisclosureRequest(t.db, who, { requestId: r.id, decision: "REFUSE", reasons: "No." }))).toMatchObject({ code: "NOT_YOUR_STEP" });
    }
    expect(await refusal(decideDisclosureRequest(t.db, agencyUser, release))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(verifyDisclosureRequest(t.db, agencyUser, { requestId: r.id, note: "Me." }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("VERIFIED");
    // A refusal needs reasons; a release only of what was asked for.
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "REFUSE" }))).toMatchObject({ code: "REASON_REQUIRED" });
    expect(await refusal(decideDisclosureRequest(t.db, pm, { ...release, fields: ["phone"] }))).toMatchObject({ code: "FIELDS" });
    expect((await decideDisclosureRequest(t.db, pm, release)).to).toBe("RELEASED");
    // Decided is final.
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "REFUSE", reasons: "Changed my mind." }))).toMatchObject({ code: "TRANSITION_REFUSED" });
  });

  it("cannot release what staff have not verified", async () => {
    const r = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT"), null, deps);
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE" }))).toMatchObject({ code: "TRANSITION_REFUSED" });
  });
});

describe("the one-time release view", () => {
  it("opens once, for the named recipient only, with exactly the released fields", async () => {
    const r = await verifiedLawEnforcement({ fields: "residence,phone" });
    const { releaseId } = await decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE", fields: ["residence"] });
    const stored = await t.db.disclosureRelease.findUniqueOrThrow({ where: { id: releaseId! } });
    expect(stored).toMatchObject({ recipientUserId: agencyUser.id, byLetter: false, fields: ["residence"], openedAt: null });
    // Only a SHA-256 is stored.
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.expiresAt!.getTime() - stored.createdAt.getTime()).toBe(1440 * 60_000);
    // A content-free message tells the recipient to sign in; the address is never in it.
    const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { recipient: agencyUser.email, idempotencyKey: `disclosure-release:${releaseId}` } });
    expect(mail).toMatchObject({ template: "new-message", link: null });
    expect(JSON.stringify(mail)).not.toContain("Hidden Way");

    expect((await releasesFor(t.db, agencyUser)).map((x) => x.id)).toContain(releaseId);
    expect(await releasesFor(t.db, otherAgencyUser)).toEqual([]);
    await expect(issueReleaseLink(t.db, otherAgencyUser, releaseId!)).rejects.toMatchObject({ code: "RELEASE_GONE" });
    const token = await issueReleaseLink(t.db, agencyUser, releaseId!);
    // Someone else holding the link sees nothing, and does not use it up.
    expect(await openRelease(t.db, otherAgencyUser, token)).toBeNull();
    const opened = await openRelease(t.db, agencyUser, token);
    expect(opened).toEqual({ reference: expect.stringMatching(/^DR-/), participantName: expect.any(String), fields: [{ field: "residence", values: [HOME] }] });
    expect(JSON.stringify(opened)).not.toContain(PHONE);
    // Second opening: nothing.
    expect(await openRelease(t.db, agencyUser, token)).toBeNull();
    await expect(issueReleaseLink(t.db, agencyUser, releaseId!)).rejects.toMatchObject({ code: "RELEASE_GONE" });
    expect((await t.db.disclosureRelease.findUniqueOrThrow({ where: { id: releaseId! } })).openedAt).not.toBeNull();
    // Audited: the opening, the protected field with its purpose, and each refusal, never the value.
    const events = await t.db.auditEvent.findMany({ where: { actorId: agencyUser.id, occurredAt: { gte: stored.createdAt } }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.action === "protected.revealed")).toEqual([expect.objectContaining({ targetId: participant.id, purpose: "DISCLOSURE_REQUEST", details: { field: "residence" } })]);
    expect(events.filter((e) => e.action === "disclosure.release-opened")).toHaveLength(1);
    expect(events.filter((e) => e.action === "disclosure.release-refused").map((e) => (e.details as { why: string }).why)).toContain("used");
    expect(JSON.stringify(events.map((e) => ({ ...e, id: String(e.id) })))).not.toContain("Hidden Way");
    const others = await t.db.auditEvent.findMany({ where: { actorId: otherAgencyUser.id, action: "disclosure.release-refused" } });
    expect(others.map((e) => (e.details as { why: string }).why)).toContain("not-recipient");
  });

  it("expires after ACP_DISCLOSURE_VIEW_MINUTES, and an unknown token opens nothing", async () => {
    const r = await verifiedLawEnforcement();
    const decidedAt = new Date();
    const { releaseId } = await decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE" }, decidedAt);
    const token = await issueReleaseLink(t.db, agencyUser, releaseId!);
    const later = new Date(decidedAt.getTime() + 1441 * 60_000);
    expect(await openRelease(t.db, agencyUser, token, later)).toBeNull();
    await expect(issueReleaseLink(t.db, agencyUser, releaseId!, later)).rejects.toMatchObject({ code: "RELEASE_GONE" });
    expect((await t.db.disclosureRelease.findUniqueOrThrow({ where: { id: releaseId! } })).openedAt).toBeNull();
    expect(await openRelease(t.db, agencyUser, "x".repeat(43))).toBeNull();
    expect(await t.db.disclosureRelease.findUnique({ where: { tokenHash: hashReleaseToken("x".repeat(43)) } })).toBeNull();
    // Still open a minute before it expires.
    expect((await openRelease(t.db, agencyUser, token, new Date(decidedAt.getTime() + 1439 * 60_000)))?.fields[0].values).toEqual([HOME]);
  });
});

describe("the dissemination log (SEC-10, rules 4.6)", () => {
  it("has an entry for a release: recipient, organisation, field names (never values), reason and route", async () => {
    const r = await verifiedLawEnforcement({ fields: "residence,phone" });
    await decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE" });
    const entries = await t.db.disseminationLog.findMany({ where: { participantId: participant.id, disclosed: { startsWith: `${r.reference}:` } } });
    expect(entries).toEqual([
      expect.objectContaining({ kind: "ADDRESS_RELEASE", recipientName: "Det. Demo Officer", recipientOrganisation: agency.name, organisationId: agency.id, userId: agencyUser.id, reason: "To serve an arrest warrant.", legalRoute: "M.G.L. c. 9A §5(1)" }),
    ]);
    expect(entries[0].disclosed).toBe(`${r.reference}: residence address, phone number (one-time online view)`);
    expect(JSON.stringify(entries.map((e) => ({ ...e, id: String(e.id) })))).not.toMatch(/Hidden Way|555-0142/);
  });

  it("has an entry for a refusal, with the PM's reasons, and one for a letter release to a court-order recipient without an account", async () => {
    const refused = await recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), PDF, deps);
    await decideDisclosureRequest(t.db, pm, { requestId: refused.id, decision: "REFUSE", reasons: "The order does not name this participant." });
    const detail = await disclosureDetail(t.db, staff, refused.id);
    expect(detail?.log).toEqual([expect.objectContaining({ kind: "ADDRESS_REFUSAL", reason: "The order does not name this participant.", legalRoute: "M.G.L. c. 9A §5(3)", recipientName: "Robin Requester" })]);
    expect(detail?.status).toBe("REFUSED");

    const letter = await recordDisclosureRequest(t.db, staff, form("COURT_ORDER"), PDF, deps);
    await verifyDisclosureRequest(t.db, staff, { requestId: letter.id, note: "Order checked.", orderNamesRecipientAndParticipant: true, orderStatesReasons: true });
    const { releaseId } = await decideDisclosureRequest(t.db, pm, { requestId: letter.id, decision: "RELEASE" });
    expect(await t.db.disclosureRelease.findUniqueOrThrow({ where: { id: releaseId! } })).toMatchObject({ byLetter: true, tokenHash: null, recipientUserId: null, expiresAt: null });
    expect((await disclosureDetail(t.db, staff, letter.id))?.log.map((e) => e.disclosed)).toEqual([`${letter.reference}: residence address (letter)`]);
  });

  it("releases by letter only to a court-order recipient: other routes need the named account holder", async () => {
    const r = await recordDisclosureRequest(t.db, staff, form("AGENCY_COMMISSIONER", { requesterEmail: undefined }), null, deps);
    await verifyDisclosureRequest(t.db, staff, { requestId: r.id, note: "Commissioner's letter checked." });
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE" }))).toMatchObject({ code: "RECIPIENT_ACCOUNT_REQUIRED" });
    expect(await t.db.disclosureRelease.count({ where: { requestId: r.id } })).toBe(0);
    expect((await t.db.disclosureRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("VERIFIED");
  });

  it("writes nothing when the decision fails", async () => {
    const r = await recordDisclosureRequest(t.db, staff, form("LAW_ENFORCEMENT"), null, deps);
    await decideDisclosureRequest(t.db, staff, { requestId: r.id, decision: "REFUSE", reasons: "No." }).catch(() => undefined);
    expect(await t.db.disseminationLog.count({ where: { disclosed: { startsWith: `${r.reference}:` } } })).toBe(0);
  });
});

describe("telling the participant (U-16)", () => {
  it("lists a release as due, lets a law-enforcement reason delay it for 30 days, and records the notice sent", async () => {
    const due = await verifiedLawEnforcement();
    await decideDisclosureRequest(t.db, pm, { requestId: due.id, decision: "RELEASE" });
    const delayed = await verifiedLawEnforcement();
    const now = new Date("2025-03-07T15:00:00Z");
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: delayed.id, decision: "RELEASE", delayNotice: true }))).toMatchObject({ code: "REASON_REQUIRED", field: "delayReason" });
    await decideDisclosureRequest(t.db, pm, { requestId: delayed.id, decision: "RELEASE", delayNotice: true, delayReason: "Active investigation: the department asked in writing." }, now);
    const list = await pendingParticipantNotices(t.db, staff);
    expect(list.find((n) => n.id === due.id)).toMatchObject({ noticeDelayReason: null });
    expect(list.find((n) => n.id === delayed.id)?.noticeDelayReviewOn?.toISOString().slice(0, 10)).toBe("2025-04-06");
    // A delayed notice is not sent until the delay ends.
    expect(await refusal(updateParticipantNotice(t.db, staff, { requestId: delayed.id, op: "sent" }))).toMatchObject({ code: "DELAYED" });
    await updateParticipantNotice(t.db, staff, { requestId: delayed.id, op: "lift" });
    await updateParticipantNotice(t.db, staff, { requestId: delayed.id, op: "sent" });
    await updateParticipantNotice(t.db, staff, { requestId: due.id, op: "sent" });
    const after = await pendingParticipantNotices(t.db, staff);
    expect(after.map((n) => n.id)).not.toContain(due.id);
    expect(after.map((n) => n.id)).not.toContain(delayed.id);
    expect(await t.db.auditEvent.findFirst({ where: { action: "disclosure.notice-delay-lifted", targetId: delayed.id } })).toMatchObject({ reason: "Active investigation: the department asked in writing." });
  });

  it("allows a delay only for a law-enforcement or court reason", async () => {
    const r = await recordDisclosureRequest(t.db, staff, form("AGENCY_COMMISSIONER", { requesterEmail: agencyUser.email, requesterName: "Commissioner Demo Officer" }), null, deps);
    await verifyDisclosureRequest(t.db, staff, { requestId: r.id, note: "Designation and need checked." });
    expect(await refusal(decideDisclosureRequest(t.db, pm, { requestId: r.id, decision: "RELEASE", delayNotice: true, delayReason: "They asked." }))).toMatchObject({ code: "NO_DELAY" });
  });
});
