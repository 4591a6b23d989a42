import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { DomainError, FieldProblem } from './errors';
import { BODY_TOO_DEEP, MAX_BODY_DEPTH, refuseDeepJson } from './validation';

/** Request bodies are small JSON documents; anything bigger is refused before parsing. */
const BODY_LIMIT_BYTES = 64 * 1024;
export const BODY_LIMIT = `${BODY_LIMIT_BYTES / 1024}kb`;

/** A refusal of the body, in the API's error shape (the exception filter maps it like any typed error). */
class BodyRefused extends DomainError {
  constructor(
    readonly status: number,
    message: string,
    details?: FieldProblem[],
  ) {
    super(message, details);
  }
}

const tooLarge = () => new BodyRefused(413, `The request body is larger than ${BODY_LIMIT}.`, [{ field: 'body', rule: 'maxSize', message: `body must be at most ${BODY_LIMIT}` }]);
const notJson = () => new BodyRefused(400, 'The request body is not valid JSON.', [{ field: 'body', rule: 'json', message: 'body must be valid JSON' }]);
const refused = (status: number, message: string) => new BodyRefused(status, message);

/**
 * The request bodies the API reads, with the rules it kept from Express's `json()`:
 * - `application/json` (any case, any parameters): at most {@link BODY_LIMIT} (413), nested at
 *   most {@link MAX_BODY_DEPTH} levels, checked on the raw bytes before parsing (400), an object
 *   or an array (400), UTF-8 (another charset is a 415); gzip, deflate and br are inflated, and
 *   the limit is on the inflated size. An empty body is `{}`.
 * - any other type, or none: left unread, `body` undefined, so the DTO's own checks name what is
 *   missing. The receipts' uploads (multipart) are read, streamed, from `request.raw` by their route.
 * Fastify would answer other types with 415 and an empty JSON body with 400: neither happened before.
 */
export function registerJsonBody(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', (request, payload, done) => {
    readJson(request, payload).then(
      (body) => done(null, body),
      (error: Error) => done(error, undefined),
    );
  });
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}

async function readJson(request: FastifyRequest, payload: Readable): Promise<unknown> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  if (!charset.startsWith('utf-')) throw refused(415, `unsupported charset "${charset.toUpperCase()}"`);
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = request.headers['content-length'] === undefined ? null : Number(request.headers['content-length']);
  let stream: Readable = payload;
  if (encoding === 'identity') {
    if (declared !== null && declared > BODY_LIMIT_BYTES) throw tooLarge();
  } else {
    const inflate = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
    if (!inflate) throw refused(415, `unsupported content encoding "${encoding}"`);
    payload.on('error', (error) => inflate.destroy(error));
    stream = payload.pipe(inflate);
  }
  const bytes = await readAtMost(stream, BODY_LIMIT_BYTES);
  if (encoding === 'identity' && declared !== null && bytes.length !== declared) throw refused(400, 'request size did not match content length');
  try {
    refuseDeepJson(request, undefined, bytes);
  } catch (error) {
    if ((error as { type?: string }).type !== BODY_TOO_DEEP) throw error;
    throw new BodyRefused(400, (error as Error).message, [{ field: 'body', rule: 'maxDepth', message: `body must nest at most ${MAX_BODY_DEPTH} levels deep` }]);
  }
  return parseStrict(bytes);
}

/** The body's bytes; over `limit` (after inflating) it is a 413 and the rest is left unread. */
function readAtMost(stream: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      stream.off('data', onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        return finish(tooLarge());
      }
      chunks.push(chunk);
    };
    stream.on('data', onData);
    stream.once('end', () => finish(null));
    // A malformed compressed body is a body that is not valid JSON; an interrupted one, a 400.
    stream.once('error', (error: Error & { code?: string }) => finish(error.code?.startsWith('Z_') ? notJson() : refused(400, 'request aborted')));
    stream.once('aborted', () => finish(refused(400, 'request aborted')));
  });
}

/** JSON.parse, but only an object or an array at the top (what Express's `json()` called strict), a leading BOM dropped. */
function parseStrict(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw notJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}
