/**
 * The form of a name used for matching: case, accents and extra spaces ignored, so "  José  DE la Cruz"
 * matches "jose de la cruz" (the verification rule of the agencies issue, 130.06(3)).
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
