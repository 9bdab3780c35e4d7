import type { Db } from "../db/client";

/** What the account lists show: never a password hash, MFA secret or anything protected. */
export const userListSelect = {
  id: true,
  displayName: true,
  email: true,
  role: true,
  status: true,
  mfaEnabledAt: true,
  lastSignInAt: true,
  trainingAcknowledgedOn: true,
  revealDesignated: true,
  organisation: { select: { name: true } },
} as const;

export function listUsers(db: Db) {
  return db.user.findMany({ select: userListSelect, orderBy: [{ status: "asc" }, { displayName: "asc" }] });
}

export function getUser(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: userListSelect });
}

export function listOrganisations(db: Db) {
  return db.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
