import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UserView } from '@vigil/contracts';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('api/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Patch(':id')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return this.users.update(id, body, actor.id);
  }
}
