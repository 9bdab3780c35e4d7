import { env } from "../env";

export interface ProgramSettings {
  phone: string;
  tollFree: string;
  hotline: string;
  mailingAddress: string;
}

/** Program contact facts, from the environment (lib/env.ts holds the defaults). */
export function programSettings(): ProgramSettings {
  const e = env();
  return { phone: e.ACP_PROGRAM_PHONE, tollFree: e.ACP_PROGRAM_TOLL_FREE, hotline: e.ACP_HOTLINE, mailingAddress: e.ACP_PROGRAM_MAILING_ADDRESS };
}

/** SEC-15: the version of the privacy notice shown; later work stores it with each submission. */
export const PRIVACY_NOTICE_VERSION = "2026-11-24";

/** SEC-15: the collection notice shown on the application (Wizard.notice.*), stored with each submission. */
export const COLLECTION_NOTICE_VERSION = "2026-11-24";

/**
 * U-2: the version of the affirmation and penalty wording (Wizard.affirmation.*) that counsel
 * supplies. Bump it whenever counsel changes that text: each signature stores the version it saw.
 */
export const AFFIRMATION_VERSION = "counsel-draft-2026-11-24";

/** U-11: the substitute address of a household, from the configured template. */
export function substituteAddressLines(unitNumber: number): string[] {
  return env()
    .ACP_SUBSTITUTE_ADDRESS.split("|")
    .map((line) => line.trim().replaceAll("{unit}", String(unitNumber)));
}
