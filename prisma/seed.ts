// Demo data for evaluation, development and tests. Every person, place and organisation here is
// fictional. scripts/db-seed.ts refuses to load it into a production deployment.
import { randomInt } from "node:crypto";
import type { Db } from "../lib/db/client";
import type { ApplicationStatus, ParticipantStatus, Prisma, Role, Track } from "../lib/db/generated/client";
import { addCalendarDays, todayInMassachusetts } from "../lib/dates/calendar";
import { certificationExpiry } from "../lib/participants/certification-term";
import { fieldCipher } from "../lib/crypto";
import { mfaRequired } from "../lib/auth/roles";
import { isoDate } from "../lib/dates/calendar";
import { nameKey } from "../lib/participants/name-key";
import { generateParticipantNumber } from "../lib/participants/participant-number";
import {
  applicationReference,
  createApplication,
  createAssistant,
  createHousehold,
  createOrganisation,
  createParticipant,
  createUser,
  demoPasswordHash,
} from "./factories";

/**
 * The authenticator secret of every demo account that needs a second factor (README). Demo only:
 * a real account enrols its own secret, and the seed refuses to run in production.
 */
export const DEMO_TOTP_SECRET = "DEMODEMODEMODEMODEMODEMODEMODEMO";

/** Fictional streets for demo participants' protected addresses (Massachusetts town names, made-up streets). */
const DEMO_STREETS = ["12 Example Lane", "40 Sample Street, Apt 3", "7 Placeholder Road", "221 Fictional Avenue", "5 Demo Court"];
const DEMO_TOWNS = ["Worcester, MA 01608", "Lowell, MA 01852", "Springfield, MA 01103", "Quincy, MA 02169", "Salem, MA 01970"];

/** The sign-in accounts the README lists. All share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: { email: string; role: Role; displayName: string; organisation?: string }[] = [
  { email: "manager@example.org", role: "PROGRAM_MANAGER", displayName: "Pat Manager (demo)" },
  { email: "staff@example.org", role: "PROGRAM_STAFF", displayName: "Sam Staff (demo)" },
  { email: "counsel@example.org", role: "GENERAL_COUNSEL", displayName: "Casey Counsel (demo)" },
  { email: "admin@example.org", role: "SYSTEM_ADMIN", displayName: "Alex Admin (demo)" },
  ...[1, 2, 3, 4, 5].map((n) => ({
    email: `committee${n}@example.org`,
    role: "APPEALS_COMMITTEE" as const,
    displayName: `Committee Member ${n} (demo)`,
  })),
  { email: "assistant@example.org", role: "APPLICATION_ASSISTANT", displayName: "Avery Advocate (demo)", organisation: "Harbor Light Shelter (fictional)" },
  { email: "assistant2@example.org", role: "APPLICATION_ASSISTANT", displayName: "Blake Advocate (demo)", organisation: "Harbor Light Shelter (fictional)" },
  { email: "assistant3@example.org", role: "APPLICATION_ASSISTANT", displayName: "Robin Helper (demo)", organisation: "Riverside Family Services (fictional)" },
  { email: "agency@example.org", role: "AGENCY_USER", displayName: "Jordan Clerk (demo)", organisation: "Registry of Demo Vehicles (fictional)" },
  { email: "agency2@example.org", role: "AGENCY_USER", displayName: "Morgan Clerk (demo)", organisation: "Town of Exampleton Clerk (fictional)" },
  { email: "healthcare@example.org", role: "HEALTH_CARE_APPLICANT", displayName: "Drew Clinician (demo)" },
  { email: "participant@example.org", role: "PARTICIPANT", displayName: "Quinn Participant (demo)" },
];

const ORGANISATIONS = [
  { name: "Office of the Secretary of the Commonwealth (demo)", kind: "SECRETARY_OF_THE_COMMONWEALTH" as const },
  { name: "Harbor Light Shelter (fictional)", kind: "NONPROFIT" as const },
  { name: "Riverside Family Services (fictional)", kind: "NONPROFIT" as const },
  { name: "Registry of Demo Vehicles (fictional)", kind: "STATE_AGENCY" as const },
  { name: "Town of Exampleton Clerk (fictional)", kind: "LOCAL_AGENCY" as const },
];

export const FIRST_NAMES = ["Alex", "Bailey", "Cameron", "Dakota", "Emerson", "Finley", "Harper", "Jamie", "Kendall", "Logan", "Marley", "Noel", "Oakley", "Parker", "Reese", "Rowan", "Sage", "Taylor", "Val", "Wren", "Ana", "José", "João", "Maria", "Luz", "Thi", "Minh", "Aisha", "Omar", "Chen"];
export const LAST_NAMES = ["Example", "Sample", "Testwood", "Demoson", "Placeholder", "Fictional", "Mockridge", "Notreal", "Specimen", "Dummyfield", "Pretendly", "Madeup", "Imaginary", "Samplewell", "Exemplar", "de la Muestra", "da Silva-Exemplo", "Nguyen-Demo", "O'Sample", "Van Test"];

export interface SeedSummary {
  users: number;
  organisations: number;
  applications: number;
  participants: number;
}

/** The demo data set: accounts for every role, organisations, assistants, applications in every state, participants. */
export async function seedDemo(db: Db, options: { canary?: string } = {}): Promise<SeedSummary> {
  const hash = await demoPasswordHash();
  return db.$transaction(
    async (tx) => {
      const t = tx as unknown as Db;
      const orgs = new Map<string, string>();
      for (const o of ORGANISATIONS) orgs.set(o.name, (await createOrganisation(t, o)).id);
      const sec = orgs.get(ORGANISATIONS[0].name)!;
      const assistants: string[] = [];
      const cipher = fieldCipher(t);
      const demoSecret = await cipher.seal("mfa-secret", DEMO_TOTP_SECRET);
      const today = todayInMassachusetts();
      for (const a of DEMO_ACCOUNTS) {
        const isStaff = ["PROGRAM_MANAGER", "PROGRAM_STAFF", "GENERAL_COUNSEL", "SYSTEM_ADMIN", "APPEALS_COMMITTEE"].includes(a.role);
        const user = await createUser(t, {
          role: a.role,
          email: a.email,
          displayName: a.displayName,
          organisationId: a.organisation ? orgs.get(a.organisation)! : isStaff ? sec : null,
          passwordHash: hash,
        });
        await t.user.update({
          where: { id: user.id },
          data: {
            lastActiveAt: new Date(),
            ...(mfaRequired(a.role) ? { mfaSecretEnc: demoSecret, mfaEnabledAt: new Date(), trainingAcknowledgedOn: today } : {}),
          },
        });
        if (a.role === "APPLICATION_ASSISTANT") {
          const aa = await createAssistant(t, { organisationId: user.organisationId!, userId: user.id, displayName: a.displayName });
          assistants.push(aa.id);
        }
      }
      // Assistants without accounts at other stages of 3.I, for the registry.
      const harbor = orgs.get("Harbor Light Shelter (fictional)")!;
      for (const status of ["DESIGNATED", "TRAINED", "ACCEPTED", "SUSPENDED", "REVOKED", "EXPIRED"] as const) {
        await createAssistant(t, { organisationId: harbor, status, displayName: `Demo assistant, ${status.toLowerCase()}` });
      }

      // A few applications in each state (3.A).
      const statuses: ApplicationStatus[] = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "AWAITING_DOCUMENTS", "PENDING_GC_APPROVAL", "CERTIFIED", "DENIED", "WITHDRAWN"];
      let applications = 0;
      let i = 0;
      for (const status of statuses) {
        for (const track of ["SURVIVOR", "HEALTH_CARE"] as const) {
          if (track === "HEALTH_CARE" && status === "PENDING_GC_APPROVAL") continue; // U-13: the PM alone decides
          const daysAgo = 3 + ((i * 7) % 40);
          await createApplication(t, {
            track,
            status,
            assistantId: track === "SURVIVOR" ? assistants[i % assistants.length] : null,
            firstName: FIRST_NAMES[i % FIRST_NAMES.length],
            lastName: LAST_NAMES[i % LAST_NAMES.length],
            submittedAt: new Date(Date.now() - daysAgo * 86_400_000),
          });
          applications++;
          i++;
        }
      }

      // Participants in every status of 3.B, with encrypted protected contact data.
      const participantPlan: [ParticipantStatus, Track, number][] = [
        ["ACTIVE", "SURVIVOR", 30],
        ["ACTIVE", "SURVIVOR", 400],
        ["ACTIVE", "HEALTH_CARE", 120],
        ["ACTIVE", "SURVIVOR", 1400], // inside the renewal window
        ["CANCELLATION_PENDING", "SURVIVOR", 700],
        ["CANCELLED", "SURVIVOR", 1000],
        ["WITHDRAWN", "SURVIVOR", 900],
        ["NON_RENEWED", "SURVIVOR", 1500],
        ["EXPIRED", "HEALTH_CARE", 1470],
      ];
      let participants = 0;
      for (const [status, track, daysAgo] of participantPlan) {
        const household = await createHousehold(t, 4000 + participants * 37);
        const first = await createParticipant(t, {
          householdId: household.id,
          status,
          track,
          firstName: FIRST_NAMES[(participants * 3) % FIRST_NAMES.length],
          lastName: LAST_NAMES[(participants * 7) % LAST_NAMES.length],
          effectiveOn: addCalendarDays(today, -daysAgo),
        });
        await addProtectedData(t, first.id, participants, options.canary);
        participants++;
        if (participants === 1) {
          // A household of a parent and a minor child (§2(1)(a)).
          await createParticipant(t, { householdId: household.id, firstName: "Kit", lastName: LAST_NAMES[0], effectiveOn: addCalendarDays(today, -daysAgo) });
          participants++;
        }
      }
      return { users: DEMO_ACCOUNTS.length, organisations: ORGANISATIONS.length, applications, participants };
    },
    { timeout: 60_000 },
  );
}

/**
 * Encrypted protected data for a demo participant: home and mailing address, phone, date of birth,
 * and the blind index for the duplicate check. `canary` plants a marker in the first participant's
 * address and phone, for the leak scan (issue 4): it must never show up anywhere it should not.
 */
async function addProtectedData(t: Db, participantId: string, n: number, canary?: string) {
  const cipher = fieldCipher(t);
  const marker = n === 0 && canary ? ` ${canary}` : "";
  const residence = `${DEMO_STREETS[n % DEMO_STREETS.length]}${marker}, ${DEMO_TOWNS[n % DEMO_TOWNS.length]}`;
  const phone = `617-555-01${String(10 + n).padStart(2, "0")}${marker}`;
  const dob = isoDate(addCalendarDays(todayInMassachusetts(), -(9000 + n * 400)));
  const p = await t.participant.findUniqueOrThrow({ where: { id: participantId }, select: { firstName: true, lastName: true } });
  await t.participant.update({
    where: { id: participantId },
    data: { dateOfBirthEnc: await cipher.seal("date-of-birth", dob), identityIndex: await cipher.blindIndex(`${nameKey(`${p.firstName} ${p.lastName}`)}|${dob}`) },
  });
  await t.protectedContact.createMany({
    data: [
      { participantId, kind: "RESIDENCE", valueEnc: await cipher.seal("contact", residence) },
      { participantId, kind: "MAILING", valueEnc: await cipher.seal("contact", `P.O. Box ${100 + n}, ${DEMO_TOWNS[(n + 1) % DEMO_TOWNS.length]}`) },
      { participantId, kind: "PHONE", valueEnc: await cipher.seal("contact", phone) },
    ],
  });
}

/**
 * `--canary TEXT` on a database that already holds the demo data: the first demo participant's home
 * address and phone are replaced (the old values superseded, as a change would) by ones holding TEXT.
 */
export async function plantCanary(db: Db, canary: string): Promise<string> {
  const first = await db.participant.findFirst({ where: { contacts: { some: {} } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!first) throw new Error("no demo participant to plant the canary in: load the demo data first");
  const cipher = fieldCipher(db);
  const residence = await cipher.seal("contact", `${DEMO_STREETS[0]} ${canary}, ${DEMO_TOWNS[0]}`);
  const phone = await cipher.seal("contact", `617-555-0199 ${canary}`);
  await db.$transaction(async (tx) => {
    await tx.protectedContact.updateMany({ where: { participantId: first.id, kind: { in: ["RESIDENCE", "PHONE"] }, supersededAt: null }, data: { supersededAt: new Date() } });
    await tx.protectedContact.createMany({
      data: [
        { participantId: first.id, kind: "RESIDENCE", valueEnc: residence },
        { participantId: first.id, kind: "PHONE", valueEnc: phone },
      ],
    });
  });
  return first.id;
}

type Weighted<T> = [T, number][];
function pick<T>(table: Weighted<T>, r: number): T {
  let acc = 0;
  for (const [v, w] of table) {
    acc += w;
    if (r < acc) return v;
  }
  return table[table.length - 1][0];
}

// Shares observed in comparable programs; roughly right is enough for benchmarks.
const STATUS_SHARE: Weighted<ParticipantStatus> = [
  ["ACTIVE", 0.78],
  ["CANCELLATION_PENDING", 0.01],
  ["CANCELLED", 0.04],
  ["WITHDRAWN", 0.06],
  ["NON_RENEWED", 0.08],
  ["EXPIRED", 0.03],
];
const HOUSEHOLD_SIZE: Weighted<number> = [
  [1, 0.55],
  [2, 0.25],
  [3, 0.13],
  [4, 0.07],
];
const OPEN_APPLICATION_STATUS: Weighted<ApplicationStatus> = [
  ["SUBMITTED", 0.35],
  ["UNDER_REVIEW", 0.35],
  ["AWAITING_DOCUMENTS", 0.2],
  ["PENDING_GC_APPROVAL", 0.1],
];

/**
 * `--scale N`: N participants in households, each household from a certified application filed by
 * one of N/200 assistants, plus N/50 open applications for the review queue. Bulk inserts in batches.
 */
export async function seedScale(db: Db, n: number, log: (msg: string) => void = () => {}): Promise<SeedSummary> {
  const rnd = () => randomInt(0, 1_000_000) / 1_000_000;
  const today = todayInMassachusetts();
  const orgCount = Math.max(1, Math.ceil(n / 2000));
  const orgIds: string[] = [];
  for (let i = 0; i < orgCount; i++) orgIds.push((await createOrganisation(db, { name: `Scale nonprofit ${i + 1} ${Date.now()} (fictional)` })).id);
  const aaIds: string[] = [];
  const aaCount = Math.max(1, Math.ceil(n / 200));
  for (let i = 0; i < aaCount; i++) aaIds.push((await createAssistant(db, { organisationId: orgIds[i % orgCount], displayName: `Scale assistant ${i + 1}` })).id);

  const usedNumbers = new Set((await db.participant.findMany({ select: { participantNumber: true } })).map((p) => p.participantNumber));
  const usedUnits = new Set((await db.household.findMany({ select: { unitNumber: true } })).map((h) => h.unitNumber));
  const newNumber = () => {
    for (;;) {
      const x = generateParticipantNumber();
      if (!usedNumbers.has(x)) {
        usedNumbers.add(x);
        return x;
      }
    }
  };
  const newUnit = () => {
    for (;;) {
      const u = randomInt(1000, 10_000_000);
      if (!usedUnits.has(u)) {
        usedUnits.add(u);
        return u;
      }
    }
  };
  const id = (prefix: string, i: number) => `${prefix}${Date.now().toString(36)}${i.toString(36).padStart(7, "0")}${randomInt(0, 1e6).toString(36)}`;

  const BATCH = 2000;
  let made = 0;
  let hh = 0;
  let applications = 0;
  while (made < n) {
    const households: { id: string; unitNumber: number }[] = [];
    const apps: Prisma.ApplicationCreateManyInput[] = [];
    const people: Prisma.ParticipantCreateManyInput[] = [];
    while (people.length < BATCH && made + people.length < n) {
      const size = Math.min(pick(HOUSEHOLD_SIZE, rnd()), n - made - people.length);
      const track: Track = rnd() < 0.12 ? "HEALTH_CARE" : "SURVIVOR";
      const status = pick(STATUS_SHARE, rnd());
      // Active certifications began within the 4-year term; ended ones up to 8 years ago.
      const daysAgo = status === "ACTIVE" || status === "CANCELLATION_PENDING" ? randomInt(0, 1460) : randomInt(0, 2920);
      const effectiveOn = addCalendarDays(today, -daysAgo);
      const householdId = id("h", hh++);
      households.push({ id: householdId, unitNumber: newUnit() });
      const applicationId = id("a", hh);
      const last = LAST_NAMES[randomInt(0, LAST_NAMES.length)];
      apps.push({
        id: applicationId,
        reference: applicationReference(),
        track,
        status: "CERTIFIED",
        assistantId: track === "SURVIVOR" ? aaIds[randomInt(0, aaCount)] : null,
        applicantFirstName: FIRST_NAMES[randomInt(0, FIRST_NAMES.length)],
        applicantLastName: last,
        preparedOn: addCalendarDays(effectiveOn, -randomInt(7, 60)),
        submittedAt: new Date(addCalendarDays(effectiveOn, -randomInt(1, 30)).getTime() + 15 * 3_600_000),
        decidedAt: new Date(effectiveOn.getTime() + 16 * 3_600_000),
      });
      for (let k = 0; k < size; k++) {
        const lastName = k === 0 || rnd() < 0.8 ? last : LAST_NAMES[randomInt(0, LAST_NAMES.length)];
        people.push({
          participantNumber: newNumber(),
          firstName: FIRST_NAMES[randomInt(0, FIRST_NAMES.length)],
          lastName,
          lastNameKey: nameKey(lastName),
          track,
          status,
          effectiveOn,
          expiresOn: certificationExpiry(effectiveOn),
          householdId,
          applicationId,
        });
      }
    }
    await db.$transaction([
      db.household.createMany({ data: households }),
      db.application.createMany({ data: apps }),
      db.participant.createMany({ data: people }),
    ]);
    made += people.length;
    applications += apps.length;
    log(`${made} / ${n} participants`);
  }

  // Open applications waiting in the review queue.
  const open = Math.ceil(n / 50);
  for (let start = 0; start < open; start += BATCH) {
    const rows: Prisma.ApplicationCreateManyInput[] = [];
    for (let i = start; i < Math.min(open, start + BATCH); i++) {
      const submittedAt = new Date(Date.now() - randomInt(0, 90 * 86_400) * 1000);
      const track: Track = rnd() < 0.12 ? "HEALTH_CARE" : "SURVIVOR";
      let status = pick(OPEN_APPLICATION_STATUS, rnd());
      if (track === "HEALTH_CARE" && status === "PENDING_GC_APPROVAL") status = "UNDER_REVIEW";
      rows.push({
        reference: applicationReference(),
        track,
        status,
        assistantId: track === "SURVIVOR" ? aaIds[randomInt(0, aaCount)] : null,
        applicantFirstName: FIRST_NAMES[randomInt(0, FIRST_NAMES.length)],
        applicantLastName: LAST_NAMES[randomInt(0, LAST_NAMES.length)],
        preparedOn: todayInMassachusetts(submittedAt),
        submittedAt,
      });
    }
    await db.application.createMany({ data: rows });
    applications += rows.length;
  }
  return { users: 0, organisations: orgCount, applications, participants: made };
}
