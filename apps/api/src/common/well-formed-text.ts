import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { errorBody } from './http-error.filter';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string in a parsed body that PostgreSQL could not store as sent: a NUL
 * character, or half of a UTF-16 surrogate pair (which UTF-8 cannot encode). Refusing
 * it up front means stored text is always byte-for-byte what was sent.
 */
export function firstMalformedString(value: unknown, path = ''): { field: string; rule: string } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field: path || 'body', rule: 'noNullCharacter' };
    if (LONE_SURROGATE.test(value)) return { field: path || 'body', rule: 'wellFormedUnicode' };
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstMalformedString(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstMalformedString(key, path) ?? firstMalformedString(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** A hook on every request with a parsed body, before the route's guards and pipes. */
export function refuseMalformedText(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const found = firstMalformedString(request.body);
  if (!found) return done();
  const message =
    found.rule === 'noNullCharacter' ? `${found.field} must not contain the NUL character` : `${found.field} must be well-formed Unicode text`;
  void reply.status(400).send(errorBody(400, message, [{ ...found, message }]));
}
