import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsString, MaxLength, MinLength, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isValidCaseTimeZone } from '@parallel/domain';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

@ValidatorConstraint({ name: 'isTimeZone' })
class IsIanaTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidCaseTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/London or America/New_York';
  }
}

export class CreateCaseDto {
  @ApiProperty({ example: 'Alex and Sam', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Europe/London' })
  @IsString()
  @MaxLength(64)
  @Validate(IsIanaTimeZone)
  timeZone: string;

  @ApiProperty({ example: ['Mia', 'Leo'], description: "Children's first names (1 to 10)." })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1, { message: 'children must name at least one child' })
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each child needs a first name' })
  @MaxLength(50, { each: true })
  children: string[];
}

export class CreateInvitationDto {
  @ApiProperty({ example: 'sam@example.org' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
}
