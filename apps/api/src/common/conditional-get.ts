import etag from 'etag';
import type { FastifyInstance } from 'fastify';
import fresh from 'fresh';

/**
 * For an answer to a GET or HEAD sent from memory (JSON, short text): a weak `ETag` of the
 * body, and `304 Not Modified` when the request's `If-None-Match` (or `If-Modified-Since`)
 * shows the client has it. Answers to changes carry none (Express hashed every body: an ETag
 * on a POST's answer names no representation a client could ask for again, and the hash is
 * work on every send). Streams (files, downloads) carry their own validators or none. Also
 * Express's `charset=utf-8` on an HTML answer (the API's documentation page), which Fastify
 * sends bare.
 */
/** A GET or HEAD: the answers that carry an ETag. */
export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.getHeader('content-type') === 'text/html') void reply.header('content-type', 'text/html; charset=utf-8');
    if (!isRead(request.method) || (typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.statusCode === 204) return done(null, payload);
    if (!reply.hasHeader('etag')) void reply.header('etag', etag(payload, { weak: true }));
    const status = reply.statusCode;
    const cacheable = (status >= 200 && status < 300) || status === 304;
    if (cacheable && fresh(request.headers, { etag: reply.getHeader('etag'), 'last-modified': reply.getHeader('last-modified') })) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('transfer-encoding');
      return done(null, '');
    }
    done(null, payload);
  });
}
