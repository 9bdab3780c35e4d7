import { randomInt } from "node:crypto";

// 130.02 "Participant ID": the number printed on the authorization card and used by agencies to
// confirm status (130.06(3)). Random, so it says nothing about when or in what order a person joined,
// with a Luhn check digit so a mistyped number is caught before it is looked up.

const BODY_LENGTH = 9;

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A new random participant number: 9 digits (first not 0) plus a check digit. */
export function generateParticipantNumber(random: (min: number, max: number) => number = randomInt): string {
  let body = String(random(1, 10));
  while (body.length < BODY_LENGTH) body += String(random(0, 10));
  return body + luhnCheckDigit(body);
}

/** Digits only: agencies type numbers with spaces or dashes as printed on the card. */
export function normalizeParticipantNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function isValidParticipantNumber(input: string): boolean {
  const n = normalizeParticipantNumber(input);
  if (!/^[1-9]\d{9}$/.test(n)) return false;
  return luhnCheckDigit(n.slice(0, -1)) === Number(n.at(-1));
}

/** As printed on the card: 1234 5678 90 */
export function formatParticipantNumber(n: string): string {
  return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
}
