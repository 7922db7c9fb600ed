import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { TeamPlacesView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { Roles } from '../auth/access.decorators';
import { TeamPlacesDto } from './claims.dto';
import { GlossaryService } from './glossary.service';

/** The places a team owns: a case mentioning them suggests the team as its owner. */
@ApiTags('claims')
@Controller('api/teams')
export class TeamPlacesController {
  constructor(private readonly glossary: GlossaryService) {}

  @Roles('admin')
  @Put(':id/places')
  @Answers('TeamPlacesView')
  @Refuses('team_not_found')
  setPlaces(@Param('id', UuidParamPipe) id: string, @Body() body: TeamPlacesDto): Promise<TeamPlacesView> {
    return this.glossary.setTeamPlaces(id, body.places);
  }
}
