import { ApiError, toApiError, UNREACHABLE } from '../../api/client';
import type { Allowance, Case, HeldBackReason, Message, NewMessage } from '../../api/types';

export type { Allowance };

/** A send the case's terms held back (429, or 422 when urgent is off): kept in the record. */
export class SendHeldBack extends ApiError {
  readonly reason: HeldBackReason;

  constructor(error: ApiError, reason: HeldBackReason) {
    super({
      status: error.status,
      error: error.error,
      message: error.message,
      details: error.details,
      retryAt: error.retryAt,
    });
    this.reason = reason;
  }
}

const HELD_BACK_REASONS: readonly string[] = ['quota_exceeded', 'urgent_limit_reached', 'urgent_disabled'];

/** The composer's calls, injectable so tests can point them at a test server. */
export interface ComposerApi {
  getCase(caseId: string): Promise<Case>;
  getAllowance(caseId: string): Promise<Allowance>;
  /** POST with the draft's Idempotency-Key: a retry with the same key never makes a second message. */
  send(caseId: string, message: NewMessage, idempotencyKey: string): Promise<Message>;
}

/** Same-origin by default (the product); a full origin in tests. */
export function createComposerApi(baseUrl = ''): ComposerApi {
  const root = baseUrl.replace(/\/+$/, '');
  const caseUrl = (caseId: string) => `${root}/api/cases/${encodeURIComponent(caseId)}`;

  async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        ...init,
        headers: { Accept: 'application/json', ...init.headers },
      });
    } catch {
      throw new ApiError({ status: UNREACHABLE });
    }
    if (!response.ok) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      const error = await toApiError(response);
      const reason = (body as { reason?: unknown } | null)?.reason;
      if (typeof reason === 'string' && HELD_BACK_REASONS.includes(reason)) {
        throw new SendHeldBack(error, reason as HeldBackReason);
      }
      throw error;
    }
    return (await response.json()) as T;
  }

  return {
    getCase: (caseId) => call<Case>(caseUrl(caseId)),
    getAllowance: (caseId) => call<Allowance>(`${caseUrl(caseId)}/messages/allowance`),
    send: (caseId, message, idempotencyKey) =>
      call<Message>(`${caseUrl(caseId)}/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(message),
      }),
  };
}

/** Reads an answer that may come from an older or newer API defensively. */
export function looksLikeAllowance(value: unknown): value is Allowance {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<Record<keyof Allowance, unknown>>;
  return (
    typeof a.dailyQuota === 'number' &&
    typeof a.remainingToday === 'number' &&
    typeof a.urgentPer30Days === 'number' &&
    typeof a.urgentRemaining === 'number' &&
    (a.deliveryMode === 'immediate' || a.deliveryMode === 'windows') &&
    typeof a.deliverAtIfSentNow === 'string'
  );
}
