// Client-safe constants for §5 disclosure requests: the forms and the server share them.
import type { ContactKind, DisclosureRoute } from "../db/generated/enums";

/** §1: the protected items a request may ask for (rules 4.7). Stored by name, never by value. */
export const DISCLOSURE_FIELDS = ["residence", "school", "work", "mailing", "phone"] as const;
export type DisclosureField = (typeof DISCLOSURE_FIELDS)[number];

export const FIELD_KIND: Record<DisclosureField, ContactKind> = { residence: "RESIDENCE", school: "SCHOOL", work: "WORK", mailing: "MAILING", phone: "PHONE" };

/** §5(1)–(4): the only four release routes (rules 4.2). */
export const DISCLOSURE_ROUTES = ["LAW_ENFORCEMENT", "AGENCY_COMMISSIONER", "COURT_ORDER", "FALSE_INFORMATION"] as const satisfies readonly DisclosureRoute[];

/** U-16: only a law-enforcement or court reason may delay telling the participant about a release. */
export const NOTICE_DELAY_ROUTES: readonly DisclosureRoute[] = ["LAW_ENFORCEMENT", "COURT_ORDER"];

/** §5(2): who asks for an agency: the commissioner, or a specific designee. */
export const COMMISSIONER_AUTHORITY = ["COMMISSIONER", "DESIGNEE"] as const;

export function isDisclosureField(v: string): v is DisclosureField {
  return (DISCLOSURE_FIELDS as readonly string[]).includes(v);
}
