import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { AppError } from "../errors";
import { hashApiKey } from "../verification/verify-participant";

/** The agencies the program deals with (§4): state and local agencies, kept by the program's staff. */
export const AGENCY_KINDS = ["STATE_AGENCY", "LOCAL_AGENCY"] as const;

const optionalText = (max: number) => z.string().trim().max(max, max <= 120 ? "Validation.max120" : "Validation.max300").optional().transform((v) => v || null);

export const agencySchema = z.object({
  name: z.string().trim().min(2, "Validation.nameRequired").max(120, "Validation.max120"),
  kind: z.enum(AGENCY_KINDS, "Validation.choose"),
  contactName: optionalText(120),
  contactEmail: z.union([z.literal(""), z.email("Validation.emailFormat").max(120, "Validation.max120")]).optional().transform((v) => v || null),
  // U-8: the callback number on file for law-enforcement requests is this one.
  contactPhone: z
    .string()
    .trim()
    .refine((s) => s === "" || /^(\+\d{8,15}|1?\d{10})$/.test(s.replace(/[\s().-]/g, "")), "Validation.phone")
    .optional()
    .transform((v) => v || null),
});
export type AgencyInput = z.infer<typeof agencySchema>;

export type StaffActor = AuditActor & { id: string };

export function listAgencies(db: Db) {
  return db.organisation.findMany({
    where: { kind: { in: [...AGENCY_KINDS] } },
    select: { id: true, name: true, kind: true, contactName: true, contactEmail: true, contactPhone: true, _count: { select: { users: true, apiKeys: { where: { revokedAt: null } } } } },
    orderBy: { name: "asc" },
  });
}

export function getAgency(db: Db, id: string) {
  return db.organisation.findFirst({
    where: { id, kind: { in: [...AGENCY_KINDS] } },
    include: {
      users: { select: { id: true, displayName: true, status: true, role: true }, orderBy: { displayName: "asc" } },
      apiKeys: { select: { id: true, label: true, prefix: true, createdAt: true, revokedAt: true, lastUsedAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
}

export async function createAgency(db: Db, actor: StaffActor, input: AgencyInput) {
  if (await db.organisation.findUnique({ where: { name: input.name }, select: { id: true } })) throw new AppError("NAME_TAKEN", "AppErrors.agencyNameTaken", "name");
  return db.$transaction(async (tx) => {
    const o = await tx.organisation.create({ data: { ...input } });
    await recordAudit(tx, actor, { action: "agency.created", details: { kind: input.kind }, target: { type: "Organisation", id: o.id } });
    return o;
  });
}

export async function updateAgency(db: Db, actor: StaffActor, id: string, input: AgencyInput) {
  const o = await db.organisation.findFirst({ where: { id, kind: { in: [...AGENCY_KINDS] } }, select: { id: true } });
  if (!o) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const clash = await db.organisation.findUnique({ where: { name: input.name }, select: { id: true } });
  if (clash && clash.id !== id) throw new AppError("NAME_TAKEN", "AppErrors.agencyNameTaken", "name");
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id }, select: { name: true, kind: true, contactName: true, contactEmail: true, contactPhone: true } });
    await tx.organisation.update({ where: { id }, data: { ...input } });
    // Which fields changed (names only): the phone on file is the law-enforcement callback number (U-8).
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => before[k] !== input[k]);
    await recordAudit(tx, actor, { action: "agency.updated", details: { changed }, target: { type: "Organisation", id } });
  });
}

/**
 * A key for an agency's own system to call the verification API. Shown once (returned here and
 * never again); only its SHA-256 is stored, with a short prefix to tell keys apart.
 */
export async function createApiKey(db: Db, actor: StaffActor, organisationId: string, label: string): Promise<{ key: string }> {
  const o = await db.organisation.findFirst({ where: { id: organisationId, kind: { in: [...AGENCY_KINDS] } }, select: { id: true } });
  if (!o) throw new AppError("NOT_FOUND", "AppErrors.notFound");
  const key = `acp_${randomBytes(30).toString("base64url")}`;
  await db.$transaction(async (tx) => {
    const k = await tx.agencyApiKey.create({ data: { organisationId, label: label.trim(), prefix: key.slice(0, 10), keyHash: hashApiKey(key), createdById: actor.id } });
    await recordAudit(tx, actor, { action: "api-key.created", details: {}, target: { type: "AgencyApiKey", id: k.id } });
  });
  return { key };
}

export async function revokeApiKey(db: Db, actor: StaffActor, organisationId: string, keyId: string) {
  await db.$transaction(async (tx) => {
    const r = await tx.agencyApiKey.updateMany({ where: { id: keyId, organisationId, revokedAt: null }, data: { revokedAt: new Date(), revokedById: actor.id } });
    if (r.count !== 1) throw new AppError("NOT_FOUND", "AppErrors.notFound");
    for (const [hash, entry] of keyCache) if (entry.owner.apiKeyId === keyId) keyCache.delete(hash);
    await recordAudit(tx, actor, { action: "api-key.revoked", details: {}, target: { type: "AgencyApiKey", id: keyId } });
  });
}

// Valid keys for a few seconds, so a busy agency system costs one key query per few seconds rather
// than one per request. A revocation in this process clears it at once; another process (several
// servers) sees it within KEY_CACHE_MS.
const KEY_CACHE_MS = 5_000;
type KeyOwner = { apiKeyId: string; organisationId: string; organisation: string };
const keyCache = new Map<string, { owner: KeyOwner; until: number; lastUsedWritten: number }>();

/** The key's owner, or null for an unknown or revoked key (the API answers 401 either way). */
export async function apiKeyCaller(db: Db, presented: string, now = Date.now()): Promise<KeyOwner | null> {
  if (!/^acp_[A-Za-z0-9_-]{40}$/.test(presented)) return null;
  const hash = hashApiKey(presented);
  const cached = keyCache.get(hash);
  if (cached && cached.until > now) {
    if (now - cached.lastUsedWritten > 60_000) {
      cached.lastUsedWritten = now;
      void db.agencyApiKey.update({ where: { id: cached.owner.apiKeyId }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
    }
    return cached.owner;
  }
  const owner = await lookUpKey(db, presented);
  if (owner) keyCache.set(hash, { owner, until: now + KEY_CACHE_MS, lastUsedWritten: cached?.lastUsedWritten ?? 0 });
  else keyCache.delete(hash);
  return owner;
}

async function lookUpKey(db: Db, presented: string): Promise<KeyOwner | null> {
  const rows = await db.$queryRaw<{ id: string; organisationId: string; name: string; revokedAt: Date | null }[]>`
    SELECT k.id, k."organisationId", o.name, k."revokedAt" FROM "AgencyApiKey" k JOIN "Organisation" o ON o.id = k."organisationId"
    WHERE k."keyHash" = ${hashApiKey(presented)} LIMIT 1`;
  const k = rows[0];
  if (!k) return null;
  if (k.revokedAt) {
    await recordAudit(db, { id: null, role: null, ip: null }, { action: "api-key.refused", outcome: "DENIED", details: { why: "revoked" }, target: { type: "AgencyApiKey", id: k.id } });
    return null;
  }
  return { apiKeyId: k.id, organisationId: k.organisationId, organisation: k.name };
}
