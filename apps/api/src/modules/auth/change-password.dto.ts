import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, description: 'At least 8 characters; long passphrases are welcome.' })
  @IsString()
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(256)
  newPassword!: string;
}
