import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SpikeView } from '@vigil/contracts';
import { toSpikeView } from '@vigil/detection';
import { SpikesRepository } from '@vigil/persistence';
import { AnyRole } from '../auth/access.decorators';
import { SpikeListQueryDto } from './flag.dto';
import { Answers } from '../../common/api-answers';

/** Recent spike alerts, newest first: what the console's spike banner shows. */
@ApiTags('flags')
@Controller('api/spikes')
export class SpikesController {
  constructor(private readonly spikes: SpikesRepository) {}

  @AnyRole()
  @Get()
  @Answers('SpikeView[]')
  async list(@Query() query: SpikeListQueryDto): Promise<SpikeView[]> {
    return (await this.spikes.recent(query.limit ?? 20)).map(toSpikeView);
  }
}
