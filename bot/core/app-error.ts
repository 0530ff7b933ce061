/**
 * An error the product can explain. `messageKey` names a Fluent message in
 * `locales/` that tells the user (in their language) what went wrong; `hint`
 * tells the developer or operator how to fix it.
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly messageKey: string,
    message: string,
    readonly hint?: string,
    readonly args: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message} — ${hint}` : message, options);
  }
}
