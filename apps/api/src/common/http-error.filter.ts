import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DomainError, FieldProblem } from './errors';

/** The one error shape of the API: `{ statusCode, error, message, details?, retryAt? }`. */
export type ErrorBody = {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  retryAt?: string;
};

export function errorBody(statusCode: number, message: string, details?: FieldProblem[], retryAt?: Date): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(details?.length ? { details } : {}),
    ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
  };
}

export const NO_SUCH_ENDPOINT = 'There is no such endpoint. The API is described at /api/docs.';

/** Maps any thrown error to the shared shape; unexpected errors are logged and never leak internals. */
/** The common shape, plus the fields particular errors add (e.g. a held-back send's `reason` and `heldBackId`). */
export function toErrorBody(exception: unknown, logger: Logger): ErrorBody & { [extra: string]: unknown } {
  if (exception instanceof DomainError) {
    return { ...errorBody(exception.status, exception.message, exception.details, exception.more.retryAt), ...exception.more.extra };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const message = httpExceptionMessage(exception.getResponse(), exception.message);
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(message)) {
      return errorBody(status, NO_SUCH_ENDPOINT);
    }
    return errorBody(status, message);
  }
  // Fastify's own refusals before a route runs (e.g. a body that stopped short): their status, in our shape.
  const fastifyStatus = (exception as { code?: unknown; statusCode?: unknown } | null)?.statusCode;
  if (exception instanceof Error && typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500 && String((exception as { code?: unknown }).code).startsWith('FST_')) {
    return errorBody(fastifyStatus, exception.message);
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return errorBody(500, 'Something went wrong on our side. Nothing you sent was lost; please try again in a moment.');
}

/** Nest's own exceptions carry a string, or `{ message: string | string[] }`. */
function httpExceptionMessage(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : fallback;
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception, this.logger);
    // As Express's `res.json` did: JSON, under the route's own Content-Type if it set one (e.g. the calendar feed's).
    if (!reply.hasHeader('content-type')) void reply.type('application/json; charset=utf-8');
    void reply.status(body.statusCode).send(JSON.stringify(body));
  }
}
