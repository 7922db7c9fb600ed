import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import type { LoginAnswer, LoginResponse, SessionState, UserView } from '@vigil/contracts';
import type { Request, Response } from 'express';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { AllowedBeforePasswordChange, AnyRole, Public } from './access.decorators';
import { CurrentUser, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { SecondFactorLoginDto } from './second-factor.dto';
import { bearerToken, sessionCookieToken } from './request-credentials';
import { cookieIsSecure, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  /**
   * Answers with a bearer token for scripts and sets the session cookie for the console; for a user with a second
   * factor, with a challenge for `login/second-factor` instead (no session, no cookie yet).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  @Refuses('wrong_credentials', 'too_many_login_attempts')
  @Answers('LoginAnswer')
  async login(
    @Body() body: LoginDto,
    @Ip() clientAddress: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginAnswer> {
    const answer = await this.auth.login(body.username, body.password, clientAddress);
    if ('accessToken' in answer) this.setSessionCookie(answer, request, response);
    return answer;
  }

  @Public()
  @Post('login/second-factor')
  @HttpCode(200)
  @Refuses('second_factor_challenge_invalid', 'wrong_second_factor_code', 'too_many_login_attempts')
  @Answers('LoginResponse')
  async completeSecondFactor(
    @Body() body: SecondFactorLoginDto,
    @Ip() clientAddress: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const session = await this.auth.completeSecondFactor(body.challengeToken, body.code, clientAddress);
    this.setSessionCookie(session, request, response);
    return session;
  }

  /**
   * Whether this request is signed in, always with 200: the console's probe at start, so the login page of a
   * signed-out browser shows no failed request. Scripts that want a 401 when signed out keep using `me`.
   */
  @Public()
  @Get('session')
  @Answers('SessionState')
  session(@Req() request: Request): Promise<SessionState> {
    return this.auth.sessionState(bearerToken(request) ?? sessionCookieToken(request));
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Get('me')
  @Answers('UserView')
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.auth.currentUser(user.id);
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  @Refuses('wrong_current_password', 'password_unchanged', 'password_too_common')
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @AnyRole()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(cookieIsSecure(this.config.auth.secureCookie, request)));
  }

  private setSessionCookie(session: LoginResponse, request: Request, response: Response): void {
    const secure = cookieIsSecure(this.config.auth.secureCookie, request);
    response.cookie(SESSION_COOKIE, session.accessToken, sessionCookieOptions(secure, this.config.auth.sessionTtlMs));
  }
}
