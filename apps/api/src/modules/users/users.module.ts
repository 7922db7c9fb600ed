import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FirstAdminBootstrap } from './first-admin.bootstrap';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UsersService, FirstAdminBootstrap],
})
export class UsersModule {}
