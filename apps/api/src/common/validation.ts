import { Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { Max } from 'class-validator';
import { FieldProblem, InvalidInput } from './errors';

/** Flattens class-validator's tree into `{ field: 'a.b[0].c', rule, message }` entries. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      problems.push({
        field,
        rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
        message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
      });
    }
    if (error.children?.length) problems.push(...toFieldProblems(error.children, field));
  }
  return problems;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInput(toFieldProblems(errors)),
  });
}

/** A path parameter that must be a UUID; a malformed one is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new InvalidInput([{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
    }),
  );

/** The largest value of a PostgreSQL `integer`: sequence numbers and counts the API accepts stay within it. */
export const MAX_INT4 = 2_147_483_647;

/** A whole number the database can hold as an `integer` (with `@IsInt()`): a larger one is a 400, not a 500. */
export const MaxInt4 = () => Max(MAX_INT4, { message: ({ property }) => `${property} must not be greater than ${MAX_INT4}` });

/** How deeply a JSON body may nest: no request of this API needs more than a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * Refuses a JSON body nested deeper than {@link MAX_BODY_DEPTH}, by one pass over the raw
 * bytes before the body is parsed (see json-body.ts): a body of thousands of nested
 * arrays never reaches `JSON.parse` or the recursive validators. The structural characters
 * are ASCII, so scanning UTF-8 bytes is exact; brackets inside strings do not count.
 */
export function refuseDeepJson(_request: unknown, _response: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i += 1; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > MAX_BODY_DEPTH) throw Object.assign(new Error(`The request body nests deeper than ${MAX_BODY_DEPTH} levels.`), { type: BODY_TOO_DEEP, status: 400 });
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
  }
}

/** The error type `refuseDeepJson` gives, for the body's reader. */
export const BODY_TOO_DEEP = 'entity.too.deep';
