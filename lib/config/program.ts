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
