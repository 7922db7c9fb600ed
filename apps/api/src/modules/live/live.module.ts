import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsController } from './events.controller';
import { LiveDelivery } from './live-delivery';
import { LiveEventsService } from './live-events.service';
import { LiveGateway } from './live.gateway';

/** The live feed: the `/live` socket.io namespace and `GET /api/events` (publishing is RealtimeModule's). */
@Module({
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [LiveGateway, LiveDelivery, LiveEventsService],
})
export class LiveModule {}
