import type {
  ApiErrorBody,
  AuthResult,
  Case,
  FieldProblem,
  Health,
  InvitationPreview,
  NewCase,
  Page,
  SentInvitation,
  User,
} from './types';

/** Status used when no answer arrived at all (offline, server down, request blocked). */
export const UNREACHABLE = 0;

const FALLBACK_MESSAGES: Record<number, string> = {
  [UNREACHABLE]: 'Parallel could not be reached. Please check your connection and try again.',
  400: 'Some of the details need another look.',
  401: 'Please sign in to continue.',
  403: 'This account does not have access to that.',
  404: 'That could not be found.',
  409: 'That has already been done.',
  410: 'That is no longer available.',
  429: 'Too many attempts. Please wait a little and try again.',
};

function fallbackMessage(status: number): string {
  return (
    FALLBACK_MESSAGES[status] ??
    (status >= 500
      ? 'Something went wrong on the server. Please try again in a moment.'
      : 'The request could not be completed.')
  );
}

/** "children.0" and "children[0]" both belong to the form field "children". */
function formFieldOf(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

/**
 * An API answer that was not a success, in the API's one error shape. Forms read
 * `fieldErrors` to show each message next to its field, and `message` for the rest.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly error: string;
  readonly details: readonly FieldProblem[];
  /** When a throttled action may be tried again (429 answers only). */
  readonly retryAt: Date | null;
  /** The first message for each form field, keyed by the field's top-level name. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(init: {
    status: number;
    error?: string;
    message?: string;
    details?: readonly FieldProblem[];
    retryAt?: Date | null;
  }) {
    super(init.message || fallbackMessage(init.status));
    this.status = init.status;
    this.error = init.error ?? '';
    this.details = init.details ?? [];
    this.retryAt = init.retryAt ?? null;
    const fieldErrors: Record<string, string> = {};
    for (const problem of this.details) {
      const field = formFieldOf(problem.field);
      fieldErrors[field] ??= problem.message;
    }
    this.fieldErrors = fieldErrors;
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors[field];
  }

  /** Field errors that no form field on screen will show, so the form can show them itself. */
  messagesOutside(fields: readonly string[]): string[] {
    return Object.entries(this.fieldErrors)
      .filter(([field]) => !fields.includes(field))
      .map(([, message]) => message);
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.field === 'string' && typeof candidate.rule === 'string' && typeof candidate.message === 'string'
  );
}

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function retryAtFromHeader(response: Response): Date | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return new Date(Date.now() + seconds * 1000);
  return parseDate(header);
}

/** Turns a non-2xx response into an ApiError, whatever its body turned out to be. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<Record<keyof ApiErrorBody, unknown>> = {};
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) body = parsed;
  } catch {
    // A proxy's HTML page or an empty body: the status alone still tells what happened.
  }
  // A framework's default validation answer carries a list of messages instead of one.
  const message = Array.isArray(body.message)
    ? body.message.filter((part): part is string => typeof part === 'string').join(' ')
    : typeof body.message === 'string'
      ? body.message
      : undefined;
  const details = Array.isArray(body.details) ? body.details.filter(isFieldProblem) : [];
  return new ApiError({
    status: response.status,
    error: typeof body.error === 'string' ? body.error : response.statusText,
    message,
    details,
    retryAt: parseDate(body.retryAt) ?? (response.status === 429 ? retryAtFromHeader(response) : null),
  });
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiClientOptions {
  /** Empty for the same origin (the product); a full origin in tests. */
  baseUrl?: string;
}

/**
 * A small typed client for the Parallel API. Requests stay same-origin and send the
 * httpOnly session cookie that login and register set; the bearer token in their answer
 * is deliberately not kept, so no script on the page can read a credential.
 */
export class ApiClient {
  private readonly baseUrl: string;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  }

  health(): Promise<Health> {
    return this.request('GET', '/api/health');
  }

  /** The signed-in user, or null when there is no valid session. */
  async me(): Promise<User | null> {
    try {
      const answer = await this.request<{ user: User }>('GET', '/api/auth/me');
      return answer.user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  register(input: { email: string; password: string; displayName: string }): Promise<AuthResult> {
    return this.request('POST', '/api/auth/register', input);
  }

  login(input: { email: string; password: string }): Promise<AuthResult> {
    return this.request('POST', '/api/auth/login', input);
  }

  logout(): Promise<void> {
    return this.request('POST', '/api/auth/logout');
  }

  async listCases(): Promise<Case[]> {
    const page = await this.request<Page<Case>>('GET', '/api/cases');
    return page.items;
  }

  /** One case with its terms and any invitation still waiting; 404 for a case the user is not in. */
  getCase(caseId: string): Promise<Case> {
    return this.request('GET', `/api/cases/${encodeURIComponent(caseId)}`);
  }

  createCase(input: NewCase): Promise<Case> {
    return this.request('POST', '/api/cases', input);
  }

  inviteParent(caseId: string, email: string): Promise<SentInvitation> {
    return this.request('POST', `/api/cases/${encodeURIComponent(caseId)}/invitations`, { email });
  }

  getInvitation(token: string): Promise<InvitationPreview> {
    return this.request('GET', `/api/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string): Promise<Case> {
    return this.request('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
  }

  /**
   * One JSON request to an endpoint a feature wraps in its own typed functions (e.g.
   * features/terms/termsApi.ts), with the same credentials and the same errors as above.
   */
  send<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    return this.request(method, path, body);
  }

  /** A file the API streams (an export's PDF or bundle), read chunk by chunk so a page can show progress. */
  async download(path: string, onProgress?: (bytes: number) => void): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, { credentials: 'same-origin' });
    } catch {
      throw new ApiError({ status: UNREACHABLE });
    }
    if (!response.ok) throw await toApiError(response);
    if (!response.body) return response.blob();
    const reader = response.body.getReader();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      onProgress?.(bytes);
    }
    return new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
  }

  private async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError({ status: UNREACHABLE });
    }
    if (!response.ok) throw await toApiError(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Anything thrown while talking to the API, as an ApiError a page can explain; bugs are still logged. */
export function asApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  console.error(caught);
  return new ApiError({ status: 500, message: 'Something went wrong in this page. Please try again.' });
}
