import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorDto } from './dto/error.dto';

/** What each refusal means, in every operation that can answer it. */
const ERROR_DESCRIPTIONS = {
  400: 'The request is not valid: `details` names each field and rule.',
  401: 'No live session: sign in, then send the bearer token or the session cookie.',
  403: 'Signed in, but this action is not yours to take.',
  404: 'Not found, or not visible to the caller (a case one is not a parent of answers 404 too).',
  409: 'In conflict with the current state.',
  410: 'It existed but can no longer be used.',
  429: 'Too many attempts: `retryAt` says when to try again.',
} as const;

export type DocumentedErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/**
 * Documents the refusals an operation can answer, all in the shared error shape. 401 is
 * added to every protected operation by `buildOpenApiDocument`, so it need not be listed.
 */
export function ApiErrors(...statuses: DocumentedErrorStatus[]): MethodDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorDto })));
}

export { ERROR_DESCRIPTIONS };
