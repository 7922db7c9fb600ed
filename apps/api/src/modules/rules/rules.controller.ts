import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RulePreview, RuleView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateRuleDto, PreviewRuleDto, UpdateRuleDto } from './rule.dto';
import { RulesService } from './rules.service';

/** Watch rules: duty officers and admins write them; everyone may read them (they say why an item was flagged). */
@ApiTags('rules')
@Controller('api/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Roles('admin', 'duty_officer')
  @Post()
  @Refuses('rule_syntax_invalid')
  @Answers('RuleView')
  create(@Body() body: CreateRuleDto, @CurrentUser() user: AuthUser): Promise<RuleView> {
    return this.rules.create(body, user);
  }

  @AnyRole()
  @Get()
  @Answers('RuleView[]')
  list(): Promise<RuleView[]> {
    return this.rules.list();
  }

  /** What a query would have matched over the last days (default 7), with counts per local day; nothing is saved. */
  @Roles('admin', 'duty_officer')
  @Post('preview')
  @HttpCode(200)
  @Refuses('rule_syntax_invalid')
  @Answers('RulePreview')
  preview(@Body() body: PreviewRuleDto): Promise<RulePreview> {
    return this.rules.preview(body);
  }

  @AnyRole()
  @Get(':id')
  @Refuses('rule_not_found')
  @Answers('RuleView')
  get(@Param('id', UuidParamPipe) id: string): Promise<RuleView> {
    return this.rules.get(id);
  }

  @Roles('admin', 'duty_officer')
  @Patch(':id')
  @Refuses('rule_not_found', 'rule_syntax_invalid')
  @Answers('RuleView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateRuleDto): Promise<RuleView> {
    return this.rules.update(id, body);
  }

  /** The rule stops matching; the flags it raised stay, naming it. */
  @Roles('admin', 'duty_officer')
  @Delete(':id')
  @HttpCode(204)
  @Refuses('rule_not_found')
  async remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.rules.remove(id);
  }
}
