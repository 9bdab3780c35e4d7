import { rmSync } from "node:fs";
import { MAIL_DIR, startSmtpSink } from "./mail";

/** A real SMTP server for the whole run: the app's outbox sends invitations to it (e2e/access.spec.ts). */
export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  return startSmtpSink();
}
