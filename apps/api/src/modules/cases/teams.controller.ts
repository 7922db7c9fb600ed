import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TeamView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CreateTeamDto, SetTeamMembersDto } from './team.dto';
import { TeamsService } from './teams.service';

/** Everyone sees the teams (to assign a case); admins and leaders form them. */
@ApiTags('teams')
@Controller('api/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @AnyRole()
  @Get()
  @Answers('TeamView[]')
  list(): Promise<TeamView[]> {
    return this.teams.list();
  }

  @Roles('admin', 'leader')
  @Post()
  @Refuses('team_exists', 'user_not_found')
  @Answers('TeamView')
  create(@Body() body: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(body.name, body.memberIds ?? []);
  }

  @Roles('admin', 'leader')
  @Put(':id/members')
  @Refuses('team_not_found', 'user_not_found')
  @Answers('TeamView')
  setMembers(@Param('id', UuidParamPipe) id: string, @Body() body: SetTeamMembersDto): Promise<TeamView> {
    return this.teams.setMembers(id, body.userIds);
  }
}
