import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TwoFactorActivation, TwoFactorEnrolment, TwoFactorStatus } from '@vigil/contracts';
import { AnyRole, Roles } from './access.decorators';
import { CurrentUser, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { TwoFactorCodeDto, TwoFactorDisableDto } from './second-factor.dto';
import { SecondFactorService } from './second-factor.service';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';

/** The signed-in user's own second factor. Enrolling is for admins and leaders; anyone who has one may turn it off. */
@ApiTags('auth')
@Controller('api/auth/two-factor')
export class TwoFactorController {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly auth: AuthService,
  ) {}

  @AnyRole()
  @Get()
  @Answers('TwoFactorStatus')
  status(@CurrentUser() user: AuthUser): Promise<TwoFactorStatus> {
    return this.secondFactor.status(user);
  }

  @Roles('admin', 'leader')
  @Post('enrol')
  @Refuses('two_factor_already_enabled')
  @HttpCode(200)
  @Answers('TwoFactorEnrolment')
  enrol(@CurrentUser() user: AuthUser): Promise<TwoFactorEnrolment> {
    return this.secondFactor.enrol(user);
  }

  @Roles('admin', 'leader')
  @Post('confirm')
  @Refuses('two_factor_not_enrolling', 'two_factor_already_enabled', 'wrong_second_factor_code')
  @HttpCode(200)
  @Answers('TwoFactorActivation')
  confirm(@CurrentUser() user: AuthUser, @Body() body: TwoFactorCodeDto): Promise<TwoFactorActivation> {
    return this.secondFactor.confirm(user, body.code);
  }

  @AnyRole()
  @Post('disable')
  @Refuses('two_factor_not_enabled', 'wrong_second_factor_code', 'wrong_current_password', 'too_many_login_attempts')
  @HttpCode(204)
  async disable(@CurrentUser() user: AuthUser, @Body() body: TwoFactorDisableDto, @Ip() clientAddress: string): Promise<void> {
    await this.auth.disableSecondFactor(user, body, clientAddress);
  }
}
