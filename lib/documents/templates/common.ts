import type { ProgramContact } from "../program-contact";

// Shared wording. Plain language: short sentences, the most important thing first, each acronym
// spelled out the first time a letter uses it.

export const PROGRAM_NAME_FIRST_USE = "Address Confidentiality Program (ACP)";

export function questionsParagraph(program: ProgramContact): string {
  return `Questions? Call us at ${program.phone} or toll free at ${program.tollFree}. Have the reference number at the top of this letter ready.`;
}

export function closingLines(program: ProgramContact): string[] {
  return ["Sincerely,", "", program.name, "Office of the Secretary of the Commonwealth"];
}

/** Free text typed by staff (reasons, notes): a blank line starts a new paragraph. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
