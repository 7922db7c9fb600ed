import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SecondFactorLoginDto {
  @ApiProperty({ description: 'The challengeToken of the login answer.' })
  @IsString()
  @MinLength(1, { message: 'challengeToken must not be empty' })
  @MaxLength(2048)
  challengeToken!: string;

  @ApiProperty({ example: '123456', description: 'A 6-digit code of the authenticator app, or one unused recovery code.' })
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(64)
  code!: string;
}

export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @MinLength(1, { message: 'code must not be empty' })
  @MaxLength(64)
  code!: string;
}

/** Either proves the user is who enrolled: a current code (or recovery code), or the password. */
export class TwoFactorDisableDto {
  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
}
