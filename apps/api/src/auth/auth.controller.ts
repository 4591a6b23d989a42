import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccountService } from './account.service';
import { AuthService, SignInResult } from './auth.service';
import {
  ChangeEmailDto,
  ChangePasswordDto,
  EmailChangedDto,
  LoginDto,
  MeDto,
  AuthMessageDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  PreferencesDto,
  RecoveryCodesDto,
  RegisterDto,
  SecondFactorDto,
  SecondFactorRequiredDto,
  SessionListDto,
  SignedInDto,
  TotpConfirmDto,
  TotpDisableDto,
  TotpEnrolmentDto,
} from './dto/auth.dto';
import { clearSessionCookie, setSessionCookie } from './session-token';
import { SessionsService } from './sessions.service';
import { TotpService } from './totp.service';

/** The client's network address as the configured proxies tell it (TRUST_PROXY), for the throttles. */
const addressOf = (request: FastifyRequest) => request.ip ?? 'unknown';
const userAgentOf = (request: FastifyRequest) => request.headers['user-agent'] ?? null;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly sessions: SessionsService,
    private readonly totp: TotpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and sign in', description: 'Answers the session token and also sets it as an httpOnly cookie. Throttled per network address and per e-mail address; for a taken address the owner is told by mail.' })
  @ApiCreatedResponse({ type: SignedInDto })
  @ApiErrors(400, 409, 429)
  async register(@Body() dto: RegisterDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<SignedInDto> {
    return this.withCookie(response, await this.auth.register(dto, userAgentOf(request), addressOf(request)));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers the session token and also sets it as an httpOnly cookie; with a second factor on, answers a challenge instead (then POST /api/auth/login/second-factor). An unknown address and a wrong password get the same 401. Wrong guesses slow further guesses from the same network address at the same account (free for 3, then 1 s, 2 s, 4 s ... up to 15 min), and from one address across accounts (100 an hour); never the owner elsewhere.',
  })
  @ApiExtraModels(SignedInDto, SecondFactorRequiredDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SignedInDto) }, { $ref: getSchemaPath(SecondFactorRequiredDto) }] } })
  @ApiErrors(400, 401, 429)
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<SignInResult> {
    return this.withCookie(response, await this.auth.signIn(dto, addressOf(request), userAgentOf(request)));
  }

  @Public()
  @Post('login/second-factor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish signing in with a code from the authenticator app, or a recovery code', description: 'A recovery code works once. Wrong codes are throttled like wrong passwords.' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrors(400, 401, 429)
  async secondFactor(@Body() dto: SecondFactorDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<SignedInDto> {
    return this.withCookie(response, await this.auth.completeSecondFactor(dto, addressOf(request), userAgentOf(request)));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end this session, its sockets, and clear its cookie' })
  @ApiNoContentResponse({ description: 'The session has ended.' })
  async logout(@Auth() auth: AuthContext, @Res({ passthrough: true }) response: FastifyReply): Promise<void> {
    await this.sessions.logout(auth);
    clearSessionCookie(response, this.secure);
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user and their preferences' })
  @ApiOkResponse({ type: MeDto })
  me(@Auth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
  }

  @Put('me/preferences')
  @ApiOperation({ summary: "Set one's own preferences (the shield)", description: 'Kept on the server, so they follow the parent to any device.' })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiErrors(400)
  setPreferences(@Auth() auth: AuthContext, @Body() dto: PreferencesDto): Promise<PreferencesDto> {
    return this.auth.setPreferences(auth, dto);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask for a password reset link by mail', description: 'The same answer whether or not the address has an account. The link (<PUBLIC_URL>/reset/<token>) works once, within an hour; a newer one replaces it.' })
  @ApiAcceptedResponse({ type: AuthMessageDto })
  @ApiErrors(400, 429)
  requestPasswordReset(@Body() dto: PasswordResetRequestDto, @Req() request: FastifyRequest): Promise<AuthMessageDto> {
    return this.account.requestPasswordReset(dto, addressOf(request));
  }

  @Public()
  @Post('password-reset/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with a reset link', description: 'Ends every session of the account and tells its owner by mail.' })
  @ApiOkResponse({ type: AuthMessageDto })
  @ApiErrors(400, 410)
  resetPassword(@Param('token') token: string, @Body() dto: PasswordResetDto): Promise<AuthMessageDto> {
    return this.account.resetPassword(token, dto);
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the password', description: 'Needs the current password. The other sessions end; the owner is told by mail.' })
  @ApiOkResponse({ type: AuthMessageDto })
  @ApiErrors(400, 429)
  changePassword(@Auth() auth: AuthContext, @Body() dto: ChangePasswordDto, @Req() request: FastifyRequest): Promise<AuthMessageDto> {
    return this.account.changePassword(auth, dto, addressOf(request));
  }

  @Post('email')
  @HttpCode(202)
  @ApiOperation({ summary: 'Change the e-mail address', description: 'Needs the password. Mails a link (<PUBLIC_URL>/confirm-email/<token>, 24 hours) to the new address and a notice to the current one; the address changes when the link is opened.' })
  @ApiAcceptedResponse({ type: AuthMessageDto })
  @ApiErrors(400, 429)
  requestEmailChange(@Auth() auth: AuthContext, @Body() dto: ChangeEmailDto, @Req() request: FastifyRequest): Promise<AuthMessageDto> {
    return this.account.requestEmailChange(auth, dto, addressOf(request));
  }

  @Public()
  @Post('email/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a new e-mail address with the mailed link' })
  @ApiOkResponse({ type: EmailChangedDto })
  @ApiErrors(409, 410)
  confirmEmailChange(@Param('token') token: string): Promise<EmailChangedDto> {
    return this.account.confirmEmailChange(token);
  }

  @Get('sessions')
  @ApiOperation({ summary: "One's own live sessions", description: 'Most recently used first; `current` marks the one asking.' })
  @ApiOkResponse({ type: SessionListDto })
  listSessions(@Auth() auth: AuthContext): Promise<SessionListDto> {
    return this.sessions.list(auth);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of one’s own sessions (sign out there)' })
  @ApiNoContentResponse({ description: 'The session and its sockets have ended.' })
  @ApiErrors(404)
  endSession(@Auth() auth: AuthContext, @Param('id') id: string): Promise<void> {
    return this.sessions.end(auth, id);
  }

  @Delete('sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere: end every session, this one included' })
  @ApiNoContentResponse({ description: 'Every session and socket of the account has ended.' })
  async endAllSessions(@Auth() auth: AuthContext, @Res({ passthrough: true }) response: FastifyReply): Promise<void> {
    await this.sessions.endSessions(auth.userId);
    clearSessionCookie(response, this.secure);
  }

  @Post('totp')
  @ApiOperation({ summary: 'Start enrolling an authenticator app (TOTP)', description: 'Pending until POST /api/auth/totp/confirm with a code from the app.' })
  @ApiCreatedResponse({ type: TotpEnrolmentDto })
  @ApiErrors(409)
  enrolTotp(@Auth() auth: AuthContext): Promise<TotpEnrolmentDto> {
    return this.totp.enrol(auth);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn on two-step sign-in with a code from the enrolled app', description: 'Answers ten recovery codes, shown only now; each works once.' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiErrors(400, 409)
  confirmTotp(@Auth() auth: AuthContext, @Body() dto: TotpConfirmDto): Promise<RecoveryCodesDto> {
    return this.totp.confirm(auth, dto);
  }

  @Delete('totp')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn off two-step sign-in', description: 'Needs the password; the recovery codes stop working.' })
  @ApiNoContentResponse({ description: 'Two-step sign-in is off.' })
  @ApiErrors(400, 429)
  disableTotp(@Auth() auth: AuthContext, @Body() dto: TotpDisableDto, @Req() request: FastifyRequest): Promise<void> {
    return this.totp.disable(auth, dto, addressOf(request));
  }

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  private withCookie<T extends SignInResult>(response: FastifyReply, result: T): T {
    if ('token' in result) setSessionCookie(response, result.token, result.expiresAt, this.secure);
    return result;
  }
}
