import { describe, expect, it } from "vitest";
import { csvCell, toCsv, watermark } from "./csv";

describe("CSV export", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
  it("writes rows with CRLF and a watermark naming who and when", () => {
    expect(toCsv(["a", "b"], [[1, 2]])).toBe("a,b\r\n1,2\r\n");
    expect(watermark({ displayName: "Pat", role: "PROGRAM_MANAGER" }, new Date("2026-11-24T00:00:00Z"))).toMatch(/^# CONFIDENTIAL - exported by Pat \(PROGRAM_MANAGER\) at 2026-11-24T00:00:00.000Z/);
  });
});
