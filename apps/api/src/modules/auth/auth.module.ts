import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SecondFactorService } from './second-factor.service';
import { SessionGuard } from './session.guard';
import { TwoFactorController } from './two-factor.controller';

@Module({
  imports: [JwtModule.register({})],
  controllers: [AuthController, TwoFactorController],
  providers: [AuthService, SecondFactorService, PasswordHasher, LoginThrottle, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [PasswordHasher, AuthService],
})
export class AuthModule {}
