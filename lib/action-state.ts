// Client-safe: the shape server actions answer with, shared by the forms.

export type ActionState<T = undefined> = (
  | { status: "idle" }
  | { status: "ok"; message?: string; data?: T }
  | { status: "invalid"; errors: Record<string, string>; values: Record<string, string> }
  | { status: "forbidden" }
  | { status: "error"; message: string; values?: Record<string, string> }
) & {
  /**
   * New for every answer. React resets a form after its action runs; a form keyed by this id is
   * rebuilt instead, so every field shows what the person typed again (selects included).
   */
  id?: string;
};

/** The key for a form driven by useActionState: see ActionState.id. */
export function formKey(state: { id?: string }): string {
  return state.id ?? "initial";
}

