import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { can, type Actor } from "../auth/policy";
import { fieldCipher } from "../crypto";
import { AppError } from "../errors";
import { FIELD_KIND, isDisclosureField, type DisclosureField } from "./fields";
import { hashReleaseToken, newReleaseToken } from "./decide-request";

export type RecipientActor = Actor & AuditActor & { id: string };

/** What the recipient's one-time view shows: the released fields and nothing else. */
export interface OpenedRelease {
  reference: string;
  participantName: string;
  /** Each released field with the values on file (none on file: an empty list). */
  fields: { field: DisclosureField; values: string[] }[];
}

/** The recipient's releases, for the list they open them from (no values, ever). */
export function releasesFor(db: Db, actor: RecipientActor) {
  return db.disclosureRelease.findMany({
    where: { recipientUserId: actor.id, byLetter: false },
    select: { id: true, createdAt: true, expiresAt: true, openedAt: true, fields: true, request: { select: { reference: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/**
 * A fresh link to an unopened, unexpired release, for its named recipient only. Only the token's
 * SHA-256 is stored, so the link made when the PM released cannot be shown again: asking for the
 * link replaces it. The view itself still opens once (openRelease).
 */
export async function issueReleaseLink(db: Db, actor: RecipientActor, releaseId: string, now = new Date()): Promise<string> {
  if (!can(actor, "disclosure:receive")) throw new AppError("FORBIDDEN", "AppErrors.notYourStep");
  const token = newReleaseToken();
  await db.$transaction(async (tx) => {
    const r = await tx.disclosureRelease.updateMany({
      where: { id: releaseId, recipientUserId: actor.id, byLetter: false, openedAt: null, expiresAt: { gt: now } },
      data: { tokenHash: hashReleaseToken(token) },
    });
    if (r.count !== 1) throw new AppError("RELEASE_GONE", "AppErrors.releaseGone");
    await recordAudit(tx, actor, { action: "disclosure.release-link-issued", details: {}, target: { type: "DisclosureRelease", id: releaseId } });
  });
  return token;
}

/**
 * The recipient opens a release (rules 3.G, 4.6): once, before it expires, signed in as the named
 * recipient. In one transaction the release is claimed (openedAt), the opening and each protected
 * field are audited (purpose DISCLOSURE_REQUEST), and only the released fields' current values are
 * read and decrypted; nothing is returned unless all of it commits. Any other case (unknown token,
 * opened before, expired, someone else) answers null, the same for each, and is audited as refused.
 */
export async function openRelease(db: Db, actor: RecipientActor, token: string, now = new Date()): Promise<OpenedRelease | null> {
  if (!can(actor, "disclosure:receive") || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const release = await db.disclosureRelease.findUnique({
    where: { tokenHash: hashReleaseToken(token) },
    select: { id: true, recipientUserId: true, openedAt: true, expiresAt: true, fields: true, requestId: true, request: { select: { reference: true, participantId: true } } },
  });
  const why = !release ? "unknown" : release.recipientUserId !== actor.id ? "not-recipient" : release.openedAt ? "used" : !release.expiresAt || release.expiresAt <= now ? "expired" : null;
  if (!release || why) {
    await recordAudit(db, actor, { action: "disclosure.release-refused", outcome: "DENIED", details: { why: why ?? "unknown" }, ...(release ? { target: { type: "DisclosureRelease", id: release.id } } : {}) });
    return null;
  }
  const fields = release.fields.filter(isDisclosureField);
  const participantId = release.request.participantId;
  const opened = await db.$transaction(async (tx) => {
    const claimed = await tx.disclosureRelease.updateMany({ where: { id: release.id, recipientUserId: actor.id, openedAt: null, expiresAt: { gt: now } }, data: { openedAt: now } });
    if (claimed.count !== 1) return null; // opened a moment ago in another tab
    await recordAudit(tx, actor, { action: "disclosure.release-opened", details: { fields }, target: { type: "DisclosureRequest", id: release.requestId } });
    for (const field of fields) {
      await recordAudit(tx, actor, { action: "protected.revealed", details: { field }, target: { type: "Participant", id: participantId }, purpose: "DISCLOSURE_REQUEST", reason: release.request.reference });
    }
    const participant = await tx.participant.findUniqueOrThrow({ where: { id: participantId }, select: { firstName: true, lastName: true } });
    // Only the released kinds are read at all; superseded values are history, not the address now.
    const rows = await tx.protectedContact.findMany({
      where: { participantId, kind: { in: fields.map((f) => FIELD_KIND[f]) }, supersededAt: null },
      select: { kind: true, valueEnc: true },
      orderBy: { createdAt: "asc" },
    });
    const cipher = fieldCipher(tx);
    const out: OpenedRelease["fields"] = [];
    for (const field of fields) {
      const values = await Promise.all(rows.filter((c) => c.kind === FIELD_KIND[field]).map((c) => cipher.openText("contact", c.valueEnc)));
      out.push({ field, values });
    }
    return { reference: release.request.reference, participantName: `${participant.firstName} ${participant.lastName}`, fields: out };
  });
  if (!opened) await recordAudit(db, actor, { action: "disclosure.release-refused", outcome: "DENIED", details: { why: "used" }, target: { type: "DisclosureRelease", id: release.id } });
  return opened;
}
