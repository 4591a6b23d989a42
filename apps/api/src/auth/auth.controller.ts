import { Body, Controller, forwardRef, Get, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors } from '../common/api-docs';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, PreferencesDto, RegisterDto, SignedInDto } from './dto/auth.dto';
import { clearSessionCookie, setSessionCookie } from './session-token';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(forwardRef(() => RealtimeGateway)) private readonly realtime: RealtimeGateway,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an account and sign in', description: 'Answers the session token and also sets it as an httpOnly cookie.' })
  @ApiCreatedResponse({ type: SignedInDto })
  @ApiErrors(400, 409)
  async register(@Body() dto: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedInDto> {
    return this.withCookie(response, await this.auth.register(dto, request.get('user-agent') ?? null));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in', description: 'Answers the session token and also sets it as an httpOnly cookie. Repeated failures are throttled per account and per network.' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrors(400, 401, 429)
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedInDto> {
    return this.withCookie(response, await this.auth.login(dto, request.ip ?? 'unknown', request.get('user-agent') ?? null));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end this session and clear its cookie' })
  @ApiNoContentResponse({ description: 'The session has ended.' })
  async logout(@Auth() auth: AuthContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(auth);
    // The session's sockets end with it, on every process.
    this.realtime.endSessions([auth.sessionId]);
    clearSessionCookie(response);
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

  private withCookie(response: Response, signedIn: SignedInDto): SignedInDto {
    setSessionCookie(response, signedIn.token, signedIn.expiresAt, this.config.publicUrl.startsWith('https:'));
    return signedIn;
  }
}
