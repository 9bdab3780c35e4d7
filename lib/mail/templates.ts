/**
 * The only e-mail the app sends. SEC-29: e-mail is content-free by design. A mailbox can be read by
 * the person the participant is hiding from, so no message carries a name, an address, a case detail
 * or the program's name; the subject is neutral and the reader signs in to see anything more.
 * There are no parameters other than a link and the app's URL, so a caller cannot add personal data.
 */
export const MAIL_TEMPLATES = ["new-message", "invite", "password-reset", "email-verification"] as const;

export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailParams {
  /** The single-use link of an invite, a password reset or an e-mail confirmation. */
  link?: string;
  /** ACP_APP_URL: where the reader signs in. */
  appUrl: string;
}

export function isMailTemplate(value: string): value is MailTemplate {
  return (MAIL_TEMPLATES as readonly string[]).includes(value);
}

const NEEDS_LINK: Record<MailTemplate, boolean> = {
  "new-message": false,
  invite: true,
  "password-reset": true,
  "email-verification": true,
};

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function httpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`${what} must be http(s)`);
  return url;
}

/**
 * A link must lead back to the app: a mail that points anywhere else is the shape of phishing, and
 * the link itself must hold only an opaque token, never personal data (SEC-29).
 */
function checkedLink(link: string, appUrl: URL): string {
  const url = httpUrl(link, "link");
  if (url.origin !== appUrl.origin) throw new Error("link must point to the app (ACP_APP_URL)");
  return url.href;
}

interface Body {
  subject: string;
  /** Paragraphs before the link or sign-in address. */
  lead: string;
  /** Text of the link in HTML. */
  action: string;
  /** Paragraph after the link. */
  tail: string;
}

const BODIES: Record<MailTemplate, Body> = {
  "new-message": {
    subject: "You have a new message",
    lead: "You have a new message. Sign in at",
    action: "Sign in",
    tail: "or contact your advocate.",
  },
  invite: {
    subject: "Your account is ready to set up",
    lead: "Your account is ready to set up. Use this link to choose your password:",
    action: "Set up your account",
    tail: "The link works once and expires. If you did not expect this e-mail, you can ignore it.",
  },
  "password-reset": {
    subject: "Reset your password",
    lead: "A password reset was requested for your account. Use this link to choose a new password:",
    action: "Reset your password",
    tail: "The link works once and expires. If you did not ask for this, ignore this e-mail: your password stays the same.",
  },
  "email-verification": {
    subject: "Confirm your e-mail address",
    lead: "Use this link to confirm your e-mail address:",
    action: "Confirm your e-mail address",
    tail: "The link works once and expires. If you did not expect this e-mail, you can ignore it.",
  },
};

/** Subject, plain text and minimal HTML of one template. Throws when a needed link is missing or foreign. */
export function renderMail(template: MailTemplate, params: MailParams): RenderedMail {
  if (!isMailTemplate(template)) throw new Error("unknown mail template");
  const appUrl = httpUrl(params.appUrl, "appUrl");
  const body = BODIES[template];
  let target: string;
  if (NEEDS_LINK[template]) {
    if (!params.link) throw new Error(`mail template ${template} needs a link`);
    target = checkedLink(params.link, appUrl);
  } else {
    // Only the templates with a single-use link take one; anything else would be unreviewed content.
    if (params.link !== undefined) throw new Error(`mail template ${template} takes no link`);
    target = params.appUrl;
  }

  if (template === "new-message") {
    const text = `${body.lead} ${target} ${body.tail}\n`;
    const html = page(body.subject, `<p>${escapeHtml(body.lead)} <a href="${escapeHtml(target)}">${escapeHtml(target)}</a> ${escapeHtml(body.tail)}</p>`);
    return { subject: body.subject, text, html };
  }
  const text = `${body.lead}\n\n${target}\n\n${body.tail}\n`;
  const html = page(
    body.subject,
    `<p>${escapeHtml(body.lead)}</p>\n<p><a href="${escapeHtml(target)}">${escapeHtml(body.action)}</a></p>\n` +
      `<p>${escapeHtml(target)}</p>\n<p>${escapeHtml(body.tail)}</p>`,
  );
  return { subject: body.subject, text, html };
}

function page(title: string, content: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${content}\n</body>\n</html>\n`;
}
