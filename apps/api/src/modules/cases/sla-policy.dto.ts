import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsNumber, IsObject } from 'class-validator';

/**
 * The policy an admin stores. Only the outline is checked here; ranges, stage order and dates are checked by the
 * domain's policy rules so each refusal carries its own code (sla_stage_order_invalid…).
 */
export class SlaPolicyDto {
  @ApiProperty({ description: 'Minutes per severity and stage: { critical: { acknowledge, draft, approve, publish }, high, medium, low }', example: { critical: { acknowledge: 15, draft: 120, approve: 240, publish: 360 } } })
  @IsObject()
  stageMinutes!: Record<string, Record<string, number>>;

  @ApiProperty({ type: [String], example: ['medium', 'low'] })
  @IsArray()
  officeHoursSeverities!: string[];

  @ApiProperty({ description: '{ timeZone, weekdays (1 = Monday), opensAt, closesAt (HH:MM), holidays (YYYY-MM-DD) }' })
  @IsObject()
  calendar!: Record<string, unknown>;

  @ApiProperty({ description: 'Strictly between 0 and 1', example: 0.75 })
  @IsNumber()
  warnShare!: number;

  @ApiProperty({ minimum: 1, example: 15 })
  @IsNumber()
  reminderMinutes!: number;
}
