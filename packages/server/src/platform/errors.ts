/**
 * Domain errors: a stable code plus the failing fields. Domain code throws these and never HTTP errors;
 * http/error-handler.ts maps each code to its status and messages, exhaustively.
 */
export interface FieldProblem {
  path: string;
  message: string;
  messageEn: string;
}

export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly options: {
      fields?: FieldProblem[];
      /** Replaces the catalogue message when the situation needs more detail (e.g. naming the right platform). */
      message?: string;
      messageEn?: string;
      /** Extra headers such as Retry-After. */
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.messageEn ?? code);
    this.name = "DomainError";
  }
}

export interface ErrorDefinition {
  status: number;
  message: string;
  messageEn: string;
}

/** Each module declares its codes as `const X = { CODE: {status, message, messageEn} } satisfies ErrorCatalogue`. */
export type ErrorCatalogue = Record<string, ErrorDefinition>;
