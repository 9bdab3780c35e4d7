/**
 * One error type for rules the user broke or states that refuse an action (STYLE.md §7). `message`
 * is a key of the message files (AppErrors.*): the form shows it in the user's language, in plain
 * words and never with personal data; the log sees `code`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
