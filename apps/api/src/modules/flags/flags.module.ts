import { Module } from '@nestjs/common';
import { FlagsController } from './flags.controller';
import { FlagsService } from './flags.service';
import { SpikesController } from './spikes.controller';

@Module({ controllers: [FlagsController, SpikesController], providers: [FlagsService] })
export class FlagsModule {}
