/**
 * One error type for rules the user broke or states that refuse an action (STYLE.md §7). The user
 * sees `message` (plain words, never personal data); the log sees `code`.
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
