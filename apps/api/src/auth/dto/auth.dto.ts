import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
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

/** A password's own rules (length, not common) are checked by password-policy.ts, which names each. */
const PasswordField = () => (target: object, key: string) => {
  ApiProperty({ minLength: 12, maxLength: 200, description: 'At least 12 characters; a phrase of several words is best.' })(target, key);
  IsString()(target, key);
};

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'alex@example.org' })
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetDto {
  @PasswordField()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(1000)
  currentPassword: string;

  @PasswordField()
  newPassword: string;
}

export class ChangeEmailDto {
  @ApiProperty({ example: 'alex.new@example.org' })
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'newEmail must be an e-mail address' })
  @MaxLength(254)
  newEmail: string;

  @ApiProperty({ description: 'The current password: an open session alone cannot move the account.' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1000)
  password: string;
}

export class TotpConfirmDto {
  @ApiProperty({ example: '123456', description: 'The 6-digit code the authenticator app shows now.' })
  @Transform(trim)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class TotpDisableDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(1000)
  password: string;
}

export class SecondFactorDto {
  @ApiProperty({ description: 'The `challenge` from the sign-in answer.' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'challenge must be the challenge from the sign-in answer' })
  challenge: string;

  @ApiPropertyOptional({ example: '123456', description: 'The code from the authenticator app; or give `recoveryCode`.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ example: 'k7q2-m9x4-p3d8', description: 'One of the recovery codes, each usable once.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

// Responses

export class AuthMessageDto {
  @ApiProperty({ description: 'What happened, in plain words, to show as it is.' })
  message: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the session was last used, to within about five minutes.' })
  lastSeenAt: string;

  @ApiProperty({ example: 'Chrome on Android', description: 'The browser and system, from its User-Agent.' })
  device: string;

  @ApiProperty({ description: 'Whether this is the session making the request.' })
  current: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] })
  items: SessionDto[];
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'The secret in base32, for typing into an authenticator app.' })
  secret: string;

  @ApiProperty({ example: 'otpauth://totp/Parallel:alex%40example.org?secret=...&issuer=Parallel', description: 'The same secret as a link, for a QR code.' })
  otpauthUrl: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], minItems: 10, maxItems: 10, description: 'Ten codes, each usable once instead of a code from the app. Shown only now.' })
  recoveryCodes: string[];
}

export class SecondFactorRequiredDto {
  @ApiProperty({ enum: [true], description: 'The password was right; a code from the authenticator app (or a recovery code) is needed next.' })
  secondFactorRequired: true;

  @ApiProperty({ description: 'Send it with the code to POST /api/auth/login/second-factor within 5 minutes.' })
  challenge: string;
}

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

  @ApiProperty({ description: 'Whether sign-in asks for a code from an authenticator app.' })
  totpEnabled: boolean;
}

export class EmailChangedDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
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
export function toMeDto(auth: AuthContext, user: Pick<UserEntity, 'shield' | 'totpSecret'>): MeDto {
  return { user: { id: auth.userId, email: auth.email, displayName: auth.displayName }, preferences: toPreferencesDto(user), totpEnabled: Boolean(user.totpSecret) };
}

export function toSessionDto(session: Pick<SessionEntity, 'id' | 'createdAt' | 'lastSeenAt' | 'device'>, currentId: string): SessionDto {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    device: session.device ?? 'Unknown device',
    current: session.id === currentId,
  };
}
