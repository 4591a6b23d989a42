import fastifyCookie from '@fastify/cookie';
import send from '@fastify/send';
import fastifyStatic from '@fastify/static';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import etag from 'etag';
import helmet from 'helmet';
import { contentType } from 'mime-types';
import type { Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { AppModule, AppOptions } from './app.module';
import { isRead, registerConditionalGet } from './common/conditional-get';
import { errorBody, HttpErrorFilter, NO_SUCH_ENDPOINT } from './common/http-error.filter';
import { registerJsonBody } from './common/json-body';
import { buildOpenApiDocument } from './common/openapi';
import { createValidationPipe } from './common/validation';
import { refuseMalformedText } from './common/well-formed-text';
import { RealtimeAdapter } from './notifications/realtime.adapter';

export { BODY_LIMIT } from './common/json-body';

/** Paths the API answers (and the web client leaves alone); the same test `app.use('/api')` made. */
const API_PATH = /^\/api(?:[/?#]|$)/i;

/**
 * Builds the whole application exactly as `npm start` runs it; tests and benchmarks
 * call this too, so what they exercise is what ships.
 *
 * HTTP is served by Fastify (not Express): its router and reply path cost less per
 * request. Everything a client sees is kept as it was under Express: the security
 * headers, `Cache-Control: no-store` on /api, the JSON body rules and their error
 * shapes, cookies' attributes, the web client's files, and 404s in the API's shape.
 */
export async function createApp(options: AppOptions & { logLevels?: LogLevel[] }): Promise<NestFastifyApplication> {
  // What a malformed URL is answered with, set below once the headers' hook exists (see `frameworkErrors`).
  let answerUnroutable = (_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => void reply.status(404).send(errorBody(404, NO_SUCH_ENDPOINT));
  let webFallback: WebHandler | null = null;
  const adapter = new ApiFastifyAdapter({
    // Which proxies may tell the client's address (X-Forwarded-For): none unless TRUST_PROXY says.
    trustProxy: options.config.trustProxy,
    routerOptions: {
      // As Express routed: `/api/health/` is `/api/health`.
      ignoreTrailingSlash: true,
      // Fastify's default (100) would answer a longer path segment with 404 instead of the route's own checks.
      maxParamLength: 16 * 1024,
    },
    // A URL whose percent-escapes do not decode never reaches the router, nor the hooks below.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => answerUnroutable(error, request, reply),
    // A request Node cannot parse: the bare 400 (408, 413, 431) Node's own server answers, as under Express.
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bodyParser: false,
    abortOnError: false,
    logger: options.logLevels ?? ['log', 'warn', 'error'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  const https = options.config.publicUrl.startsWith('https:');
  // helmet's headers, on every answer: one hook, and the same function serves the answers Fastify
  // makes outside its hooks (a malformed URL).
  const securityHeaders = headersOf(
    helmet({
      // Over plain http (a local install) upgrading requests or pinning HTTPS would break the page.
      hsts: https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
    }),
  );
  const apiHeaders = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    for (const [name, value] of securityHeaders.set) reply.raw.setHeader(name, value);
    for (const name of securityHeaders.removed) reply.raw.removeHeader(name);
    // API answers are private or short-lived (tokens, one's own data): no cache, shared or not, keeps them.
    if (API_PATH.test(request.url)) void reply.header('Cache-Control', 'no-store');
    done();
  };
  answerUnroutable = (error, request, reply) => {
    apiHeaders(request, reply, () => {
      if (error.code === 'FST_ERR_BAD_URL' && !API_PATH.test(request.url) && webFallback) return void webFallback(request, reply);
      const status = error.code === 'FST_ERR_BAD_URL' ? 404 : (error.statusCode ?? 400);
      const body = JSON.stringify(status === 404 ? errorBody(404, NO_SUCH_ENDPOINT) : errorBody(status, error.message));
      // Sent outside the hooks: the ETag the onSend hook gives every other answer to a read.
      if (isRead(request.method)) void reply.header('etag', etag(body, { weak: true }));
      void reply.status(status).type('application/json; charset=utf-8').send(body);
    });
  };
  fastify.addHook('onRequest', apiHeaders);
  await app.register(fastifyCookie);
  registerJsonBody(fastify);
  fastify.addHook('preValidation', refuseMalformedText);
  registerConditionalGet(fastify);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const realtime = new RealtimeAdapter(app, options.config.redisUrl);
  await realtime.connectToRedis();
  app.useWebSocketAdapter(realtime);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  webFallback = serveWebClient(fastify, options.config.webDir);
  return app;
}

/**
 * The headers a helmet middleware sets and removes. helmet reads nothing of the request, so
 * they are the same on every answer: worked out once at start instead of by a chain of eleven
 * middlewares on every request.
 */
function headersOf(middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void): { set: [string, string | string[]][]; removed: string[] } {
  const set: [string, string | string[]][] = [];
  const removed: string[] = [];
  let finished = false;
  const recorder = { setHeader: (name: string, value: string | string[]) => set.push([name, value]), removeHeader: (name: string) => removed.push(name) };
  middleware(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error instanceof Error ? error : new Error('helmet could not set its headers');
      finished = true;
    },
  );
  if (!finished) throw new Error('helmet did not set its headers at once');
  return { set, removed };
}

/** What Node's own HTTP server answers a request it cannot parse (Fastify's default adds a JSON body). */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy(error);
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? '413 Payload Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

/**
 * Swagger UI's files (under /api/docs) are served by @fastify/static. Nest loads it from its own
 * folder, where npm need not put a workspace's dependency; this loads it from the API's.
 */
class ApiFastifyAdapter extends FastifyAdapter {
  override useStaticAssets(options: Parameters<FastifyAdapter['useStaticAssets']>[0]): unknown {
    return this.register(fastifyStatic as Parameters<FastifyAdapter['register']>[0], options);
  }
}

type WebHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** A file of the web build, with the compressed copies the build wrote next to it. */
interface WebFile {
  path: string;
  /** The type of the original file, as Express named it (`text/javascript; charset=utf-8`). */
  contentType: string;
  encoded: Partial<Record<WebEncoding, string>>;
  cacheControl: string;
}

type WebEncoding = 'br' | 'gzip';

/** Hashed names change whenever their content does, so a browser may keep them for good. */
const HASHED_ASSETS = '/assets/';
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: a browser checks it each time (a 304 when unchanged). */
const CACHE_REVALIDATE = 'no-cache';

/**
 * The web client is served from the same port; any other non-API path gets the
 * single-page app's index.html, and the app's router shows the page (or "Page not found").
 *
 * Compression: the web build writes `.br` and `.gz` copies next to each text file
 * (the precompress plugin in apps/web/vite.config.ts), brotli at its strongest setting.
 * Here the copy the browser accepts is only picked and sent. Chosen over a compression
 * middleware, which would compress the same bytes again on every request, at a weaker
 * setting, and add a dependency; and over compressing at start, which would slow every
 * start (tests start the app many times) for no gain over doing it once at build time.
 * Files are looked up in a list made at start, never by joining a request path onto the
 * directory, so no request can reach outside the build.
 */
function serveWebClient(fastify: FastifyInstance, webDir: string): WebHandler | null {
  const files = listWebFiles(webDir);
  const index = files.get('/index.html');
  if (!index) {
    new Logger('Web').warn(`No web client build in ${webDir}; run "npm run build" to serve it.`);
    return null;
  }
  // The catch-all route: every route of the API is more specific, so it wins. GET only (HEAD follows GET).
  fastify.get('/*', (request, reply) => {
    const path = pathOf(request.url);
    // An unknown API path: the API's own JSON 404.
    if (/^\/(api|socket\.io)(\/|$)/.test(path)) return reply.callNotFound();
    const file = files.get(path);
    if (file) return sendWebFile(request, reply, file);
    // A missing hashed file (an old page asking for a replaced script) must not get HTML.
    if (path.startsWith(HASHED_ASSETS)) {
      return reply.status(404).type('text/plain; charset=utf-8').header('Cache-Control', CACHE_REVALIDATE).send('Not found');
    }
    return sendWebFile(request, reply, index);
  });
  return (request, reply) => sendWebFile(request, reply, index);
}

/** The path of a request's URL as sent (not decoded), without its query. */
function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function listWebFiles(webDir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  if (!existsSync(join(webDir, 'index.html'))) return files;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  const all = new Set(walk(webDir));
  for (const path of all) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const urlPath = `/${relative(webDir, path).split(sep).join('/')}`;
    const encoded: WebFile['encoded'] = {};
    if (all.has(`${path}.br`)) encoded.br = `${path}.br`;
    if (all.has(`${path}.gz`)) encoded.gzip = `${path}.gz`;
    files.set(urlPath, { path, contentType: contentType(extname(path)) || 'application/octet-stream', encoded, cacheControl: urlPath.startsWith(HASHED_ASSETS) ? CACHE_FOREVER : CACHE_REVALIDATE });
  }
  return files;
}

/** brotli when the browser takes it, else gzip, else the file as it is. */
function chooseEncoding(acceptEncoding: string | undefined, file: WebFile): WebEncoding | null {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    quality.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (encoding: WebEncoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
  if (file.encoded.br && accepts('br')) return 'br';
  if (file.encoded.gzip && accepts('gzip')) return 'gzip';
  return null;
}

async function sendWebFile(request: FastifyRequest, reply: FastifyReply, file: WebFile): Promise<FastifyReply> {
  const encoding = chooseEncoding(request.headers['accept-encoding'], file);
  const path = encoding ? file.encoded[encoding]! : file.path;
  // The file's own name under its own directory, both from the list: nothing of the request's path is joined.
  const sent = await send(request.raw, `/${encodeURIComponent(basename(path))}`, { root: dirname(path), cacheControl: false, etag: true, lastModified: true, dotfiles: 'allow' });
  void reply.status(sent.statusCode).headers(sent.headers);
  if (sent.type !== 'file') return reply.send(sent.stream);
  void reply.header('Cache-Control', file.cacheControl);
  if (Object.keys(file.encoded).length > 0) void reply.header('Vary', 'Accept-Encoding');
  // A 304 carries no content headers; a 200 (or 206) the type of the original file, and the encoding of the copy sent.
  if (sent.statusCode === 200 || sent.statusCode === 206) {
    void reply.header('Content-Type', file.contentType);
    if (encoding) void reply.header('Content-Encoding', encoding);
  }
  return reply.send(sent.stream);
}
