import type { Db } from "../db/client";
import type { Actor } from "../auth/policy";
import { participantScope } from "../auth/scopes";
import { nameKey } from "./name-key";
import { isValidParticipantNumber, normalizeParticipantNumber } from "./participant-number";

/** What lists and the record header show. No protected field: those are read only by reveal. */
export const participantListSelect = {
  id: true,
  participantNumber: true,
  firstName: true,
  lastName: true,
  track: true,
  status: true,
  effectiveOn: true,
  expiresOn: true,
} as const;

export const PAGE_SIZE = 25;

/** By participant number (exact) or by last name (starts with; case, accents and spaces ignored). */
export async function searchParticipants(db: Db, actor: Actor, query: string, page = 1) {
  const q = query.trim();
  const digits = normalizeParticipantNumber(q);
  const match = /^\d+$/.test(digits) ? (isValidParticipantNumber(digits) ? { participantNumber: digits } : { participantNumber: "-" }) : { lastNameKey: { startsWith: nameKey(q) } };
  const where = { AND: [participantScope(actor), match] };
  const [rows, total] = await Promise.all([
    db.participant.findMany({ where, select: participantListSelect, orderBy: [{ lastNameKey: "asc" }, { firstName: "asc" }, { id: "asc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.participant.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getParticipant(db: Db, actor: Actor, id: string) {
  return db.participant.findFirst({
    where: { AND: [participantScope(actor), { id }] },
    select: {
      ...participantListSelect,
      household: { select: { unitNumber: true } },
      contacts: { where: { supersededAt: null }, select: { kind: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
