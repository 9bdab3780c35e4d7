import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, newPasswordSchema, verifyPassword } from "./password";
import { currentTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from "./totp";

const check = (password: string, confirm = password) => newPasswordSchema.safeParse({ password, confirm });
const firstError = (r: ReturnType<typeof check>) => (r.success ? null : r.error.issues[0]);

describe("new passwords (NIST SP 800-63B)", () => {
  it("need 12 characters, and no composition rules", () => {
    expect(firstError(check("short pass"))?.message).toBe("Validation.passwordTooShort");
    expect(check("correct horse battery").success).toBe(true);
    expect(check("alllowercaseletters").success).toBe(true);
  });
  it("refuse common passwords, also doubled to reach the length", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("Password1Password1")).toBe(true);
    expect(isCommonPassword("zebra kite harbour")).toBe(false);
    expect(isCommonPassword("qwertyqwerty")).toBe(true);
    expect(firstError(check("password1234"))?.message).toBe("Validation.passwordCommon");
  });
  it("must be typed the same twice, with the error on the second field", () => {
    const r = check("correct horse battery", "correct horse batter");
    expect(firstError(r)?.path).toEqual(["confirm"]);
  });
  it("hash with bcrypt and verify; a missing hash never verifies", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
    expect(await verifyPassword("correct horse batterY", h)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});

describe("TOTP and recovery codes (SEC-02)", () => {
  it("accepts the current code and one step of drift, nothing older", () => {
    const s = newTotpSecret();
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(verifyTotp(s, currentTotp(s, now), now)).toBe(true);
    expect(verifyTotp(s, currentTotp(s, now - 30_000), now)).toBe(true);
    expect(verifyTotp(s, currentTotp(s, now - 120_000), now)).toBe(false);
    expect(verifyTotp(s, "12345", now)).toBe(false);
    expect(verifyTotp(s, "abcdef", now)).toBe(false);
  });
  it("makes ten distinct recovery codes whose hash ignores case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, ""))).toBe(hashRecoveryCode(codes[0]));
  });
});
