import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InvalidInput } from '../common/errors';

const KEY_FORMAT = /^[A-Za-z0-9._:-]{8,128}$/;

/** The `Idempotency-Key` header of a send: required, 8 to 128 characters of letters, digits and . _ : - */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (value === undefined || value === '') {
    throw new InvalidInput([{ field: 'Idempotency-Key', rule: 'required', message: 'the Idempotency-Key header is required, e.g. a new UUID for each message' }]);
  }
  if (typeof value !== 'string' || !KEY_FORMAT.test(value)) {
    throw new InvalidInput([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -' }]);
  }
  return value;
});
