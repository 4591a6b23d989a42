import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { AppModule, AppOptions } from './app.module';
import { errorBody, HttpErrorFilter } from './common/http-error.filter';
import { buildOpenApiDocument } from './common/openapi';
import { BODY_TOO_DEEP, createValidationPipe, MAX_BODY_DEPTH, refuseDeepJson } from './common/validation';
import { refuseMalformedText } from './common/well-formed-text';
import { RealtimeAdapter } from './notifications/realtime.adapter';

/** Request bodies are small JSON documents; anything bigger is refused before parsing. */
export const BODY_LIMIT = '64kb';

/**
 * Builds the whole application exactly as `npm start` runs it; tests and benchmarks
 * call this too, so what they exercise is what ships.
 */
export async function createApp(options: AppOptions & { logLevels?: LogLevel[] }): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    abortOnError: false,
    logger: options.logLevels ?? ['log', 'warn', 'error'],
  });
  // Which proxies may tell the client's address (X-Forwarded-For): none unless TRUST_PROXY says.
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  const https = options.config.publicUrl.startsWith('https:');
  app.use(
    helmet({
      // Over plain http (a local install) upgrading requests or pinning HTTPS would break the page.
      hsts: https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
    }),
  );
  app.use(cookieParser());
  // API answers are private or short-lived (tokens, one's own data): no cache, shared or not, keeps them.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The depth check runs on the raw bytes before parsing: a body of 1,500 nested arrays is a 400, not a 500.
  app.use('/api', express.json({ limit: BODY_LIMIT, verify: refuseDeepJson }));
  app.use('/api', bodyErrorHandler);
  app.use('/api', refuseMalformedText);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const realtime = new RealtimeAdapter(app, options.config.redisUrl);
  await realtime.connectToRedis();
  app.useWebSocketAdapter(realtime);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  serveWebClient(app, options.config.webDir);
  return app;
}

/** Malformed or oversized bodies get the API's error shape, naming the body and the rule. */
function bodyErrorHandler(error: Error & { type?: string; status?: number }, _request: Request, response: Response, next: NextFunction): void {
  if (error.type === 'entity.too.large') {
    response.status(413).json(errorBody(413, `The request body is larger than ${BODY_LIMIT}.`, [{ field: 'body', rule: 'maxSize', message: `body must be at most ${BODY_LIMIT}` }]));
    return;
  }
  if (error.type === BODY_TOO_DEEP) {
    response.status(400).json(errorBody(400, error.message, [{ field: 'body', rule: 'maxDepth', message: `body must nest at most ${MAX_BODY_DEPTH} levels deep` }]));
    return;
  }
  if (error.type === 'entity.parse.failed') {
    response.status(400).json(errorBody(400, 'The request body is not valid JSON.', [{ field: 'body', rule: 'json', message: 'body must be valid JSON' }]));
    return;
  }
  if (error.status && error.status >= 400 && error.status < 500) {
    response.status(error.status).json(errorBody(error.status, error.message));
    return;
  }
  next(error);
}

/** A file of the web build, with the compressed copies the build wrote next to it. */
interface WebFile {
  path: string;
  extension: string;
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
function serveWebClient(app: NestExpressApplication, webDir: string): void {
  const files = listWebFiles(webDir);
  const index = files.get('/index.html');
  if (!index) {
    new Logger('Web').warn(`No web client build in ${webDir}; run "npm run build" to serve it.`);
    return;
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (/^\/(api|socket\.io)(\/|$)/.test(request.path)) return next();
    const file = files.get(request.path);
    if (file) return sendWebFile(request, response, next, file);
    // A missing hashed file (an old page asking for a replaced script) must not get HTML.
    if (request.path.startsWith(HASHED_ASSETS)) {
      response.status(404).type('text/plain').setHeader('Cache-Control', CACHE_REVALIDATE).send('Not found');
      return;
    }
    sendWebFile(request, response, next, index);
  });
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
    files.set(urlPath, { path, extension: extname(path), encoded, cacheControl: urlPath.startsWith(HASHED_ASSETS) ? CACHE_FOREVER : CACHE_REVALIDATE });
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

function sendWebFile(request: Request, response: Response, next: NextFunction, file: WebFile): void {
  const encoding = chooseEncoding(request.headers['accept-encoding'], file);
  response.setHeader('Cache-Control', file.cacheControl);
  if (Object.keys(file.encoded).length > 0) response.vary('Accept-Encoding');
  // The type of the original file; the compressed copy is the same content in another encoding.
  response.type(file.extension);
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.sendFile(encoding ? file.encoded[encoding]! : file.path, { cacheControl: false, etag: true, lastModified: true }, (error?: Error) => {
    if (error && !response.headersSent) next(error);
  });
}
