import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule, AppOptions } from './app.module';
import { errorBody, HttpErrorFilter } from './common/http-error.filter';
import { createValidationPipe } from './common/validation';
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
  app.set('trust proxy', 'loopback');
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
  app.use('/api', express.json({ limit: BODY_LIMIT }));
  app.use('/api', bodyErrorHandler);
  app.use('/api', refuseMalformedText);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const realtime = new RealtimeAdapter(app, options.config.redisUrl);
  await realtime.connectToRedis();
  app.useWebSocketAdapter(realtime);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Parallel API')
      .setDescription('A written, documented channel between the two parents of a case. Every case-scoped route requires membership of the case.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('parallel_session')
      .build(),
  );
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

/** The web client is served from the same port; any non-API path gets the single-page app. */
function serveWebClient(app: NestExpressApplication, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No web client build in ${webDir}; run "npm run build" to serve it.`);
    return;
  }
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path.startsWith('/socket.io')) return next();
    response.sendFile(index);
  });
}
