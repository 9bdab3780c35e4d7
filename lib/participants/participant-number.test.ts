import { describe, expect, it } from "vitest";
import {
  formatParticipantNumber,
  generateParticipantNumber,
  isValidParticipantNumber,
  luhnCheckDigit,
  normalizeParticipantNumber,
} from "./participant-number";

describe("participant number", () => {
  it("computes the Luhn check digit", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3); // the textbook example
    expect(luhnCheckDigit("123456789")).toBe(7);
  });

  it("generates 10 digits, no leading zero, valid check digit, not in sequence", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const n = generateParticipantNumber();
      expect(n).toMatch(/^[1-9]\d{9}$/);
      expect(isValidParticipantNumber(n)).toBe(true);
      seen.add(n);
    }
    expect(seen.size).toBe(500);
  });

  it("catches a mistyped digit and a swap of neighbours", () => {
    const n = "1234567897";
    expect(isValidParticipantNumber(n)).toBe(true);
    expect(isValidParticipantNumber("1234567898")).toBe(false);
    expect(isValidParticipantNumber("2134567897")).toBe(false);
    expect(isValidParticipantNumber("123456789")).toBe(false);
    expect(isValidParticipantNumber("0234567897")).toBe(false);
    expect(isValidParticipantNumber("12345678a7")).toBe(false);
  });

  it("accepts the number as printed on the card", () => {
    expect(formatParticipantNumber("1234567897")).toBe("1234 5678 97");
    expect(normalizeParticipantNumber(" 1234 5678-97 ")).toBe("1234567897");
    expect(isValidParticipantNumber("1234 5678 97")).toBe(true);
  });

  it("uses the random source for every digit", () => {
    const digits = [5, 0, 0, 0, 0, 0, 0, 0, 1];
    let i = 0;
    expect(generateParticipantNumber(() => digits[i++])).toBe(`500000001${luhnCheckDigit("500000001")}`);
  });
});
