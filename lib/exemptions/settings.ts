import type { Role } from "../db/generated/enums";
import { env } from "../env";

/** The program settings of this process (U-9, U-16), overridable in tests. */
export interface ExemptionSettings {
  /** U-9: who decides a reconsideration (default General Counsel). */
  reviewer: Role;
  /** U-9: the default term of a grant, in days (default 365). */
  termDays: number;
  /** U-16: participants reported under a grant are told (default on). */
  participantNotice: boolean;
}

export function exemptionSettings(over: Partial<ExemptionSettings> = {}): ExemptionSettings {
  const e = env();
  return { reviewer: e.ACP_EXEMPTION_APPEAL_REVIEWER, termDays: e.ACP_EXEMPTION_TERM_DAYS, participantNotice: e.ACP_EXEMPTION_PARTICIPANT_NOTICE, ...over };
}
