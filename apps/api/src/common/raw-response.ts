import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/**
 * The Node response under a Fastify reply, for a handler that streams into it itself (the
 * exports' PDF and zip, written as they are made): Fastify lets go of the reply, and the
 * headers set so far (the security headers, `Cache-Control`) are carried over to it.
 */
export function takeRawResponse(reply: FastifyReply): ServerResponse {
  void reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  return reply.raw;
}
