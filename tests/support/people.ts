import type { Role } from "../../lib/db/generated/enums";
import type { Db } from "../../lib/db/client";
import { fieldCipher } from "../../lib/crypto";
import { todayInMassachusetts } from "../../lib/dates/calendar";
import { createHousehold, createParticipant, createUser, uniqueSuffix } from "../../prisma/factories";
import { newTotpSecret } from "../../lib/auth/totp";
import { hashPassword } from "../../lib/auth/password";

export const TEST_PASSWORD = "correct horse battery staple";

/** A user with a known password and, for roles that need one, an enrolled TOTP secret. */
export async function makeUser(db: Db, role: Role, opts: { mfa?: boolean; trained?: boolean; revealDesignated?: boolean } = {}) {
  const secret = newTotpSecret();
  const user = await createUser(db, { role, passwordHash: await hashPassword(TEST_PASSWORD), email: `${role.toLowerCase()}-${uniqueSuffix()}@example.org` });
  const mfa = opts.mfa ?? !["HEALTH_CARE_APPLICANT", "PARTICIPANT"].includes(role);
  await db.user.update({
    where: { id: user.id },
    data: {
      ...(mfa ? { mfaSecretEnc: await fieldCipher(db).seal("mfa-secret", secret), mfaEnabledAt: new Date() } : {}),
      trainingAcknowledgedOn: opts.trained === false ? null : todayInMassachusetts(),
      revealDesignated: opts.revealDesignated ?? false,
    },
  });
  return { ...user, secret };
}

/** A participant with an encrypted home address, phone and date of birth. */
export async function makeParticipantWithContacts(db: Db, residence: string, phone = "617-555-0100") {
  const household = await createHousehold(db, 100_000 + Math.floor(Math.random() * 800_000));
  const p = await createParticipant(db, { householdId: household.id });
  const cipher = fieldCipher(db);
  await db.participant.update({ where: { id: p.id }, data: { dateOfBirthEnc: await cipher.seal("date-of-birth", "1990-04-01") } });
  await db.protectedContact.createMany({
    data: [
      { participantId: p.id, kind: "RESIDENCE", valueEnc: await cipher.seal("contact", residence) },
      { participantId: p.id, kind: "PHONE", valueEnc: await cipher.seal("contact", phone) },
    ],
  });
  return p;
}
