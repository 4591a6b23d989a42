import { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-token';
import { ERROR_DESCRIPTIONS } from './api-docs';
import { PROFESSIONAL_VISIT_COOKIE } from '../professional-access/professional-visit-cookie';
import { IS_FOR_PROFESSIONAL, IS_PUBLIC } from './auth-context';
import { ErrorDto } from './dto/error.dto';

/** Names of the two ways to send a session, as the document's security schemes. */
export const BEARER_SCHEME = 'bearer';
export const COOKIE_SCHEME = 'cookie';
/** A professional's visit: its own cookie, for its own routes only. */
export const PROFESSIONAL_SCHEME = 'professionalVisit';

/** `Controller_method`: stable, unique, and how a document operation is traced back to its handler. */
const operationIdOf = (controllerKey: string, methodKey: string): string => `${controllerKey}_${methodKey}`;

/**
 * The API's OpenAPI document. Security is not declared route by route (where it could be
 * forgotten): it is derived here from the same `@Public()` metadata, read the same way,
 * as the global AccessGuard uses, so the document says exactly what the guard does. Every
 * protected operation takes the bearer token or the session cookie and may answer 401;
 * a professional's operation (`@ForProfessional()`) takes the visit's cookie instead; a
 * public one declares no security at all.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Parallel API')
      .setDescription(
        'A written, documented channel between the two parents of a case. Every route needs a session (bearer token or session cookie) unless it declares no security; every case-scoped route also requires membership of the case. Errors share one shape (ErrorDto).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'The `token` answered by register or login.' }, BEARER_SCHEME)
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The httpOnly cookie that register and login set (the web client uses it).' }, COOKIE_SCHEME)
      .addCookieAuth(
        PROFESSIONAL_VISIT_COOKIE,
        { type: 'apiKey', in: 'cookie', description: 'The httpOnly cookie a professional’s link is exchanged for (POST /api/professional/visits); it opens only the /api/professional routes.' },
        PROFESSIONAL_SCHEME,
      )
      .build(),
    { operationIdFactory: operationIdOf, extraModels: [ErrorDto] },
  );
  const publicOperations = operationIdsMarked(app, IS_PUBLIC);
  const professionalOperations = operationIdsMarked(app, IS_FOR_PROFESSIONAL);
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (operation.operationId !== undefined && publicOperations.has(operation.operationId)) {
        operation.security = [];
        continue;
      }
      operation.security =
        operation.operationId !== undefined && professionalOperations.has(operation.operationId) ? [{ [PROFESSIONAL_SCHEME]: [] }] : [{ [BEARER_SCHEME]: [] }, { [COOKIE_SCHEME]: [] }];
      operation.responses['401'] ??= { description: ERROR_DESCRIPTIONS[401], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } } };
    }
  }
  return document;
}

/** Operation ids of every handler marked `key` (`@Public()`, `@ForProfessional()`), read as the guard reads it. */
function operationIdsMarked(app: INestApplication, key: string): Set<string> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[methodName] as (...args: unknown[]) => unknown;
        if (reflector.getAllAndOverride<boolean | undefined>(key, [handler, controller])) ids.add(operationIdOf(controller.name, methodName));
      }
    }
  }
  return ids;
}
