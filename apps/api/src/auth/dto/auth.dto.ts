import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { AuthContext } from '../../common/auth-context';
import type { SessionEntity } from '../entities/session.entity';
import type { UserEntity } from '../entities/user.entity';

const normalizeEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'alex@example.org' })
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: 200, description: 'At least 12 characters; a phrase of several words is best.' })
  @IsString()
  password: string;

  @ApiProperty({ example: 'Alex', maxLength: 80 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80)
  displayName: string;
}

export class LoginDto {
  @ApiProperty({ example: 'alex@example.org' })
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1000)
  password: string;
}

// Responses

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'alex@example.org' })
  email: string;

  @ApiProperty({ example: 'Alex' })
  displayName: string;
}

/** @deprecated the response class is the contract: use UserDto. */
export type UserView = UserDto;

export class SignedInDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiProperty({ description: 'The session token, for `Authorization: Bearer`. The web client ignores it and uses the httpOnly cookie set with the same answer.' })
  token: string;

  @ApiProperty({ format: 'date-time', description: 'When the session ends unless signed out before.' })
  expiresAt: string;
}

/** A parent's own settings of the app, kept on the server so they follow them to any device. */
export class PreferencesDto {
  @ApiProperty({ description: 'Whether received messages are shown through the shield (hostile parts folded away, facts first). On by default.' })
  @IsBoolean({ message: 'shield must be true or false' })
  shield: boolean;
}

export class MeDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiProperty({ type: PreferencesDto })
  preferences: PreferencesDto;
}

export function toUserDto(user: Pick<UserEntity, 'id' | 'email' | 'displayName'>): UserDto {
  return { id: user.id, email: user.email, displayName: user.displayName };
}

export function toSignedInDto(user: UserEntity, token: string, session: Pick<SessionEntity, 'expiresAt'>): SignedInDto {
  return { user: toUserDto(user), token, expiresAt: session.expiresAt.toISOString() };
}

export function toPreferencesDto(user: Pick<UserEntity, 'shield'>): PreferencesDto {
  return { shield: user.shield };
}

/** The signed-in caller, from the session the guard resolved, with their stored preferences. */
export function toMeDto(auth: AuthContext, user: Pick<UserEntity, 'shield'>): MeDto {
  return { user: { id: auth.userId, email: auth.email, displayName: auth.displayName }, preferences: toPreferencesDto(user) };
}
