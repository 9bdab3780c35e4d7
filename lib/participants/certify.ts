import { randomInt } from "node:crypto";
import type { DbClient } from "../db/client";
import type { ContactKind } from "../db/generated/enums";
import { recordAudit, type AuditActor } from "../audit/record-audit";
import { fieldCipher } from "../crypto";
import { todayInMassachusetts } from "../dates/calendar";
import { AppError } from "../errors";
import { identityIndexOf, primaryPerson } from "../applications/drafts";
import { groupCount, isAdult, type FormValues } from "../applications/form-schema";
import { certificationExpiry } from "./certification-term";
import { nameKey } from "./name-key";
import { generateParticipantNumber } from "./participant-number";

/** U-11: unit numbers are random inside this range, so a unit says nothing about when a household joined. */
export const UNIT_RANGE = [1000, 99_999] as const;

async function newUnitNumber(tx: DbClient): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const n = randomInt(UNIT_RANGE[0], UNIT_RANGE[1] + 1);
    if (!(await tx.household.findUnique({ where: { unitNumber: n }, select: { id: true } }))) return n;
  }
  throw new AppError("UNITS_EXHAUSTED", "Errors.actionFailed");
}

async function newParticipantNumber(tx: DbClient): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const n = generateParticipantNumber();
    if (!(await tx.participant.findUnique({ where: { participantNumber: n }, select: { id: true } }))) return n;
  }
  throw new AppError("NUMBERS_EXHAUSTED", "Errors.actionFailed");
}

/** An address as the participant gave it, as lines (the state is Massachusetts: 130.04(2)(a)). */
export function addressLines(values: FormValues, prefix: string): string[] {
  const key = (p: string) => (prefix.endsWith(".") ? `${prefix}${p}` : `${prefix}${p[0].toUpperCase()}${p.slice(1)}`);
  const get = (p: string) => (values[key(p)] ?? "").trim();
  return [[get("street"), get("unit")].filter(Boolean).join(", "), `${get("city")}, MA ${get("zip")}`];
}

/** The same address on one line, as it is sealed in ProtectedContact. */
export function addressText(values: FormValues, prefix: string): string {
  return addressLines(values, prefix).join(", ");
}

/** The people one certification covers: the person applied for (or the applicant), then covered household members. */
export function coveredPeople(values: FormValues): { firstName: string; lastName: string; dateOfBirth: string; primary: boolean }[] {
  const people = [{ ...primaryPerson(values), primary: true }];
  const seen = new Set([`${nameKey(`${people[0].firstName} ${people[0].lastName}`)}|${people[0].dateOfBirth}`]);
  for (let i = 0; i < groupCount(values, "household"); i++) {
    if (values[`household.${i}.covered`] !== "YES") continue;
    // Only minor children and wards are covered (the household step checks the same).
    const relationship = values[`household.${i}.relationship`];
    const dateOfBirth = values[`household.${i}.dateOfBirth`] ?? "";
    if (!(relationship === "WARD" || (relationship === "CHILD" && !isAdult(dateOfBirth)))) continue;
    const person = { firstName: values[`household.${i}.firstName`] ?? "", lastName: values[`household.${i}.lastName`] ?? "", dateOfBirth, primary: false };
    // The child applied for, listed again as a household member, is one participant, not two.
    const key = `${nameKey(`${person.firstName} ${person.lastName}`)}|${dateOfBirth}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.push(person);
  }
  return people;
}

/**
 * 130.04(1), (4)–(6): certification. Inside the decision's transaction, each person covered becomes
 * a participant with a random participant number (check digit) and a card; effective today
 * (a Massachusetts date) and valid through effective + 4 years; the household gets a unit number in
 * the substitute address. Protected contacts are sealed; history starts here.
 */
export async function certifyApplicationTx(tx: DbClient, actor: AuditActor & { id: string }, applicationId: string, now = new Date()) {
  const app = await tx.application.findUniqueOrThrow({ where: { id: applicationId } });
  const cipher = fieldCipher(tx);
  const values: FormValues = app.formEnc ? JSON.parse(await cipher.openText("contact", app.formEnc)) : {};
  const effectiveOn = todayInMassachusetts(now);
  const expiresOn = certificationExpiry(effectiveOn);
  const household = await tx.household.create({ data: { unitNumber: await newUnitNumber(tx) } });

  const contacts: { kind: ContactKind; value: string }[] = [];
  for (let i = 0; i < groupCount(values, "confidential"); i++) {
    contacts.push({ kind: (values[`confidential.${i}.kind`] as ContactKind) || "RESIDENCE", value: addressText(values, `confidential.${i}.`) });
  }
  contacts.push({ kind: "MAILING", value: values.mailingSame === "NO" ? addressText(values, "mailing") : addressText(values, "residence") });
  if (!contacts.some((c) => c.kind === "RESIDENCE")) contacts.push({ kind: "RESIDENCE", value: addressText(values, "residence") });
  for (const phone of [values.phone, values.phoneAlt]) if (phone?.trim()) contacts.push({ kind: "PHONE", value: phone.trim() });

  const created: string[] = [];
  for (const person of coveredPeople(values)) {
    const p = await tx.participant.create({
      data: {
        participantNumber: await newParticipantNumber(tx),
        firstName: person.firstName,
        lastName: person.lastName,
        lastNameKey: nameKey(person.lastName),
        track: app.track,
        status: "ACTIVE",
        effectiveOn,
        expiresOn,
        householdId: household.id,
        applicationId: app.id,
        isApplicant: person.primary,
        cardIssuedOn: effectiveOn,
        // 130.04(2)(e): the authorization-card form gives the name printed on the applicant's card.
        cardName: person.primary ? values.cardName?.trim() || null : null,
        certifiedById: actor.id,
        dateOfBirthEnc: person.dateOfBirth ? await cipher.seal("date-of-birth", person.dateOfBirth) : null,
        identityIndex: person.dateOfBirth ? await identityIndexOf(cipher, person) : null,
      },
    });
    for (const c of contacts) await tx.protectedContact.create({ data: { participantId: p.id, kind: c.kind, valueEnc: await cipher.seal("contact", c.value), createdAt: now } });
    created.push(p.id);
  }
  await recordAudit(tx, actor, { action: "participant.certified", details: { participants: created.length }, target: { type: "Application", id: app.id } });
  return { householdId: household.id, participantIds: created, effectiveOn, expiresOn };
}
