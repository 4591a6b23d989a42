import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Auth, AuthContext, Public } from '../common/auth-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthService, SignedIn } from './auth.service';
import { LoginDto, RegisterDto, UserView } from './dto/auth.dto';
import { clearSessionCookie, setSessionCookie } from './session-token';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  async register(@Body() dto: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    return this.withCookie(response, await this.auth.register(dto, request.get('user-agent') ?? null));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SignedIn> {
    return this.withCookie(response, await this.auth.login(dto, request.ip ?? 'unknown', request.get('user-agent') ?? null));
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Auth() auth: AuthContext, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(auth);
    clearSessionCookie(response);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@Auth() auth: AuthContext): { user: UserView } {
    return { user: { id: auth.userId, email: auth.email, displayName: auth.displayName } };
  }

  private withCookie(response: Response, signedIn: SignedIn): SignedIn {
    setSessionCookie(response, signedIn.token, signedIn.expiresAt, this.config.publicUrl.startsWith('https:'));
    return signedIn;
  }
}
