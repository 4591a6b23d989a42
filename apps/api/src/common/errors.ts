/**
 * Typed errors for rules the product enforces. Services throw these; one filter maps
 * them to HTTP, so a rule reads the same wherever it is broken.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DomainError {
  readonly status = 400;
  constructor(details: FieldProblem[], message = details.map((d) => d.message).join('; ')) {
    super(message, details);
  }
}

export class NotAuthenticated extends DomainError {
  readonly status = 401;
}

export class NotAllowed extends DomainError {
  readonly status = 403;
}

export class NotFound extends DomainError {
  readonly status = 404;
}

export class Conflict extends DomainError {
  readonly status = 409;
}

/** The thing existed but can no longer be used (an expired or used invitation). */
export class Gone extends DomainError {
  readonly status = 410;
}

/** Too many attempts; `retryAt` tells the caller when the next one will be accepted. */
export class TooManyAttempts extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
  }
}
