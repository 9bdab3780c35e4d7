/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are neutralised (CSV injection). */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** SEC-08: every export says who made it and when, and that it is confidential. */
export function watermark(who: { displayName: string; role: string }, at: Date): string {
  return `# CONFIDENTIAL - exported by ${who.displayName} (${who.role}) at ${at.toISOString()}. Do not copy to portable media unencrypted.\r\n`;
}
