import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATES, renderMail, type MailTemplate } from "./templates";

const appUrl = "https://portal.example.test";
const link = "https://portal.example.test/account/setup?token=Zx81kQ";
const params = (t: MailTemplate) => (t === "new-message" ? { appUrl } : { appUrl, link });

// SEC-29: nothing in an e-mail may tell a reader of the mailbox what the program is or who it serves.
const FORBIDDEN = [/Address Confidentiality/i, /\bACP\b/i, /survivor/i, /violence/i, /participant/i, /Secretary/i, /confidential/i, /abuse/i, /stalk/i, /shelter/i];

function linksIn(s: string): string[] {
  return s.match(/https?:\/\/[^\s"<>]+/g) ?? [];
}

describe("mail templates (SEC-29: content-free)", () => {
  it.each(MAIL_TEMPLATES)("%s says nothing about the program or the person", (t) => {
    const m = renderMail(t, params(t));
    for (const part of [m.subject, m.text, m.html]) {
      for (const word of FORBIDDEN) expect(part).not.toMatch(word);
    }
  });

  it.each(MAIL_TEMPLATES)("%s links only to what it was given", (t) => {
    const m = renderMail(t, params(t));
    const allowed = t === "new-message" ? [appUrl] : [link];
    for (const part of [m.text, m.html]) {
      const found = linksIn(part.replace(/&amp;/g, "&"));
      expect(found.length).toBeGreaterThan(0);
      for (const l of found) expect(allowed).toContain(l);
    }
  });

  it("has the neutral subjects and the new-message text", () => {
    expect(MAIL_TEMPLATES.map((t) => renderMail(t, params(t)).subject)).toEqual([
      "You have a new message",
      "Your account is ready to set up",
      "Reset your password",
      "Confirm your e-mail address",
    ]);
    expect(renderMail("new-message", { appUrl }).text.trim()).toBe(`You have a new message. Sign in at ${appUrl} or contact your advocate.`);
  });

  it("escapes the link in HTML", () => {
    const tricky = `${appUrl}/reset?token=a&b="><script>`;
    const m = renderMail("password-reset", { appUrl, link: tricky });
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain(`href="${appUrl}/reset?token=a&amp;b=%22%3E%3Cscript%3E"`);
    expect(m.html).not.toContain("token=a&b");
  });

  it("refuses a missing link, a link to another site, and a link where none belongs", () => {
    expect(() => renderMail("invite", { appUrl })).toThrow(/needs a link/);
    expect(() => renderMail("password-reset", { appUrl, link: "https://evil.example.com/reset?t=1" })).toThrow(/point to the app/);
    expect(() => renderMail("email-verification", { appUrl, link: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => renderMail("new-message", { appUrl, link })).toThrow(/takes no link/);
    expect(() => renderMail("nope" as MailTemplate, { appUrl })).toThrow(/unknown/);
  });
});
