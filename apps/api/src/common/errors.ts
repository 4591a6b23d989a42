import type { HeldBackReason } from '@parallel/domain';

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
    /** When a refused request may succeed (a 429 always says), and fields a particular error adds to the common shape. */
    readonly more: { retryAt?: Date; extra?: Record<string, string> } = {},
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
  constructor(message: string, retryAt: Date) {
    super(message, undefined, { retryAt });
  }
}

/**
 * A send the case's terms kept from the inbox. The attempt is committed to the record
 * before this is thrown; a retry with the same Idempotency-Key throws it again.
 */
export class MessageHeldBack extends DomainError {
  readonly status: number;

  constructor(held: { reason: HeldBackReason; heldBackId: string; retryAt: Date | null; dailyQuota: number; urgentPer30Days: number }) {
    const kept = 'It was not delivered; it is kept in the case record.';
    super(
      heldBackMessage(held, kept),
      held.reason === 'urgent_disabled' ? [{ field: 'urgent', rule: 'allowed', message: 'urgent messages are turned off in this case' }] : undefined,
      { retryAt: held.retryAt ?? undefined, extra: { reason: held.reason, heldBackId: held.heldBackId } },
    );
    // Urgent turned off is not a rate: nothing will be accepted later by waiting.
    this.status = held.reason === 'urgent_disabled' ? 422 : 429;
  }
}

function heldBackMessage(held: { reason: HeldBackReason; retryAt: Date | null; dailyQuota: number; urgentPer30Days: number }, kept: string): string {
  switch (held.reason) {
    case 'quota_exceeded':
      return `You have sent today's ${held.dailyQuota} messages, the daily limit the other parent set for their inbox. ${kept} You can send again from ${held.retryAt?.toISOString()}.`;
    case 'urgent_limit_reached':
      return `Urgent messages are limited to ${held.urgentPer30Days} in 30 days in this case. ${kept} You can send it as a regular message now, or as urgent from ${held.retryAt?.toISOString()}.`;
    case 'urgent_disabled':
      return `Urgent messages are turned off in this case. ${kept} You can send it as a regular message.`;
  }
}
