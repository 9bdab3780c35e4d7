// Factories shared by the seed, the integration tests and the Playwright fixtures (STYLE.md §10).
// Every name they make is visibly fake ("(demo)", example domains): demo data must never pass for real.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { Db } from "../../lib/db/client";
import type {
  ApplicationStatus,
  AssistantStatus,
  OrganisationKind,
  ParticipantStatus,
  Role,
  Track,
} from "../../lib/db/generated/client";
import { applicationReference } from "../../lib/applications/drafts";
import { todayInMassachusetts, type CalendarDate } from "../../lib/dates/calendar";
import { certificationExpiry } from "../../lib/participants/certification-term";
import { nameKey } from "../../lib/participants/name-key";
import { generateParticipantNumber } from "../../lib/participants/participant-number";

export const DEMO_PASSWORD = "demo-only-password-1";
const DEMO_HASH_COST = 10;

let hashed: Promise<string> | undefined;
/** One hash for every demo account: bcrypt at cost 10 takes ~70 ms each. */
export function demoPasswordHash(): Promise<string> {
  hashed ??= bcrypt.hash(DEMO_PASSWORD, DEMO_HASH_COST);
  return hashed;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export async function createOrganisation(db: Db, data: { name?: string; kind?: OrganisationKind } = {}) {
  return db.organisation.create({
    data: { name: data.name ?? `Demo organisation ${uniqueSuffix()} (fictional)`, kind: data.kind ?? "NONPROFIT" },
  });
}

export async function createUser(
  db: Db,
  data: { role: Role; email?: string; displayName?: string; organisationId?: string | null; passwordHash?: string },
) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      role: data.role,
      email: data.email ?? `${data.role.toLowerCase().replace(/_/g, "-")}-${suffix}@example.org`,
      displayName: data.displayName ?? `Demo ${data.role.toLowerCase().replace(/_/g, " ")} ${suffix}`,
      organisationId: data.organisationId ?? null,
      passwordHash: data.passwordHash ?? (await demoPasswordHash()),
    },
  });
}

export async function createAssistant(
  db: Db,
  data: { organisationId: string; userId?: string; displayName?: string; status?: AssistantStatus; registeredOn?: CalendarDate },
) {
  const status = data.status ?? "REGISTERED";
  const registered = ["REGISTERED", "SUSPENDED", "REVOKED", "EXPIRED"].includes(status);
  const registeredOn = data.registeredOn ?? todayInMassachusetts();
  const a = await db.applicationAssistant.create({
    data: {
      organisationId: data.organisationId,
      userId: data.userId,
      displayName: data.displayName ?? `Demo assistant ${uniqueSuffix()}`,
      status,
      trainedAt: status === "DESIGNATED" ? null : registeredOn,
      acceptedAt: ["DESIGNATED", "TRAINED"].includes(status) ? null : registeredOn,
      registeredAt: registered ? registeredOn : null,
      registrationNumber: registered ? `AA-${randomBytes(3).toString("hex").toUpperCase()}` : null,
      // U-7: two years
      registrationExpiresOn: registered ? certificationExpiry(registeredOn, 2) : null,
    },
  });
  await db.assistantStatusChange.create({ data: { assistantId: a.id, fromStatus: null, toStatus: status, reason: "Created with the demo data" } });
  return a;
}

export { applicationReference };

export async function createApplication(
  db: Db,
  data: { track?: Track; status?: ApplicationStatus; assistantId?: string | null; firstName?: string; lastName?: string; submittedAt?: Date },
) {
  const status = data.status ?? "DRAFT";
  const submittedAt = status === "DRAFT" ? null : (data.submittedAt ?? new Date());
  return db.application.create({
    data: {
      reference: applicationReference(),
      track: data.track ?? "SURVIVOR",
      status,
      assistantId: data.assistantId ?? null,
      applicantFirstName: data.firstName ?? "Demo",
      applicantLastName: data.lastName ?? `Applicant ${uniqueSuffix()}`,
      preparedOn: submittedAt ? todayInMassachusetts(submittedAt) : null,
      submittedAt,
      decidedAt: status === "CERTIFIED" || status === "DENIED" ? new Date() : null,
    },
  });
}

export async function createHousehold(db: Db, unitNumber?: number) {
  return db.household.create({ data: { unitNumber: unitNumber ?? 10000 + Math.floor(Math.random() * 890000) } });
}

export async function createParticipant(
  db: Db,
  data: {
    householdId: string;
    firstName?: string;
    lastName?: string;
    track?: Track;
    status?: ParticipantStatus;
    effectiveOn?: CalendarDate;
    applicationId?: string | null;
    participantNumber?: string;
  },
) {
  const effectiveOn = data.effectiveOn ?? todayInMassachusetts();
  const lastName = data.lastName ?? `Participant ${uniqueSuffix()}`;
  return db.participant.create({
    data: {
      participantNumber: data.participantNumber ?? generateParticipantNumber(),
      firstName: data.firstName ?? "Demo",
      lastName,
      lastNameKey: nameKey(lastName),
      track: data.track ?? "SURVIVOR",
      status: data.status ?? "ACTIVE",
      effectiveOn,
      expiresOn: certificationExpiry(effectiveOn),
      householdId: data.householdId,
      applicationId: data.applicationId ?? null,
    },
  });
}

