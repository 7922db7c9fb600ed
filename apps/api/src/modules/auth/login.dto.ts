import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { HasNoNul } from '../../common/field-rules';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(64)
  @HasNoNul()
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}
