import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disclosureNoticeLetter, exemptionNoticeLetter } from "../../lib/participants/notice-letters";
import { releaseLetter } from "../../lib/disclosures/release-letter";
import { createOrganisation, uniqueSuffix } from "../../prisma/factories";
import { openTestDatabase, type TestDatabase } from "../support/database";
import { makeParticipantWithContacts, makeUser } from "../support/people";

let t: TestDatabase;
beforeAll(() => {
  t = openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

async function pdfText(bytes: Uint8Array) {
  const { getDocumentProxy, extractText } = await import("unpdf");
  return (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text as string;
}

async function ctxFor(role: "PROGRAM_MANAGER" | "PROGRAM_STAFF") {
  const u = await makeUser(t.db, role);
  return { actor: { id: u.id, role, ip: "198.51.100.7", trainingAcknowledgedOn: new Date() }, sessionId: "s", mfaVerifiedAt: new Date() };
}

describe("notice letters to participants (U-16)", () => {
  it("tell of an exemption grant, with the address only in the mailing block, after an audited reveal", async () => {
    const street = `12 Notice Lane ${uniqueSuffix()}, Springfield, MA 01103`;
    const p = await makeParticipantWithContacts(t.db, street);
    const org = await createOrganisation(t.db, { kind: "STATE_AGENCY" });
    const staff = await makeUser(t.db, "PROGRAM_STAFF");
    const request = await t.db.exemptionRequest.create({
      data: {
        reference: `EXM-${uniqueSuffix().toUpperCase()}`,
        organisationId: org.id,
        submittedById: staff.id,
        status: "GRANTED",
        statuteOrRule: "A statute",
        recordSeries: "Voter register (test)",
        namedIndividuals: ["A Clerk"],
        whyProceduresInsufficient: "Because",
        confidentialityMeasures: "Locked",
        agencyHeadName: "Head",
        agencyHeadTitle: "Commissioner",
        agencyHeadCertifiedAt: new Date(),
        termEndsOn: new Date("2027-11-24T00:00:00Z"),
      },
    });
    const notice = await t.db.exemptionParticipant.create({ data: { requestId: request.id, participantId: p.id } });
    const pm = await ctxFor("PROGRAM_MANAGER");
    const text = await pdfText(await exemptionNoticeLetter(t.db, pm, notice.id));
    expect(text).toContain("Voter register (test)");
    expect(text).toContain(org.name);
    expect(text).toContain("November 24, 2027");
    expect(text).toContain(street.split(",")[0]);
    expect(await t.db.auditEvent.count({ where: { actorId: pm.actor.id, action: "protected.revealed", targetId: p.id } })).toBe(1);
    // Program staff without the PM's designation cannot produce it (SEC-05).
    await expect(exemptionNoticeLetter(t.db, await ctxFor("PROGRAM_STAFF"), notice.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("tell of a §5 release: the fields by name and the legal route, never the released value", async () => {
    const p = await makeParticipantWithContacts(t.db, `3 Release Road ${uniqueSuffix()}, Boston, MA 02108`, "617-555-0199");
    const pm = await ctxFor("PROGRAM_MANAGER");
    const r = await t.db.disclosureRequest.create({
      data: {
        reference: `DSC-${uniqueSuffix().toUpperCase()}`,
        route: "COURT_ORDER",
        status: "RELEASED",
        participantId: p.id,
        fields: ["residence", "phone"],
        requesterName: "Alex Named",
        requesterTitle: "Attorney",
        requesterOrganisation: "Example Law (fictional)",
        reason: "Court order",
        receivedById: pm.actor.id,
        decidedAt: new Date("2026-11-20T15:00:00Z"),
      },
    });
    const text = await pdfText(await disclosureNoticeLetter(t.db, pm, r.id));
    expect(text).toContain("M.G.L. c. 9A §5(3)");
    expect(text).toContain("your home address");
    expect(text).toContain("your phone number");
    expect(text).toContain("Alex Named");
    expect(text).not.toContain("617-555-0199");
    await expect(disclosureNoticeLetter(t.db, pm, "no-such-request")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // U-16: while a logged reason delays the notice, no letter.
    await t.db.disclosureRequest.update({ where: { id: r.id }, data: { noticeDelayReason: "Active investigation." } });
    await expect(disclosureNoticeLetter(t.db, pm, r.id)).rejects.toMatchObject({ code: "DELAYED" });
  });

  it("print a letter release (§5(3)) with exactly the released fields, recorded field by field", async () => {
    const street = `8 Order Street ${uniqueSuffix()}, Worcester, MA 01608`;
    const p = await makeParticipantWithContacts(t.db, street, "617-555-0177");
    const pm = await ctxFor("PROGRAM_MANAGER");
    const r = await t.db.disclosureRequest.create({
      data: {
        reference: `DSC-${uniqueSuffix().toUpperCase()}`,
        route: "COURT_ORDER",
        status: "RELEASED",
        participantId: p.id,
        fields: ["residence"],
        requesterName: "Sam Named",
        requesterTitle: "Guardian ad litem",
        requesterOrganisation: "Probate and Family Court (fictional)",
        reason: "Court order",
        receivedById: pm.actor.id,
        decidedAt: new Date(),
      },
    });
    await t.db.disclosureRelease.create({ data: { requestId: r.id, byLetter: true, fields: ["residence"], createdById: pm.actor.id } });
    const text = await pdfText(await releaseLetter(t.db, pm, r.id));
    expect(text).toContain(street.split(",")[0]);
    expect(text).toContain("M.G.L. c. 9A §5(3)");
    expect(text).toContain("Sam Named");
    expect(text).not.toContain("617-555-0177");
    expect(await t.db.auditEvent.count({ where: { actorId: pm.actor.id, action: "protected.revealed", targetId: p.id } })).toBe(1);
    await expect(releaseLetter(t.db, await ctxFor("PROGRAM_STAFF"), r.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
