import { Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
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
