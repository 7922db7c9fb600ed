import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PasswordResetAnswer, UserView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Answers('UserView[]')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @Refuses('username_taken', 'password_too_common')
  @Answers('UserView')
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Patch(':id')
  @Refuses('user_not_found', 'self_lockout')
  @Answers('UserView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.update(id, body, actor.id);
  }

  /**
   * Sets a temporary password (the admin's, or a generated one answered once) that the user must change at their
   * next sign-in; every session of theirs ends at once.
   */
  @Post(':id/password')
  @HttpCode(200)
  @Refuses('user_not_found', 'password_too_common')
  @Answers('PasswordResetAnswer')
  resetPassword(@Param('id', UuidParamPipe) id: string, @Body() body: ResetPasswordDto): Promise<PasswordResetAnswer> {
    return this.users.resetPassword(id, body.password);
  }
}
