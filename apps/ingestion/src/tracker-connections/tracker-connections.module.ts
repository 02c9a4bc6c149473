import { Module } from '@nestjs/common';
import { TrackerConnectionsController } from './tracker-connections.controller';
import { TrackerConnectionTestService } from './tracker-connection-test.service';
import { TrackerConnectionsService } from './tracker-connections.service';

/** `/api/tracker-connections`. */
@Module({
  controllers: [TrackerConnectionsController],
  providers: [TrackerConnectionsService, TrackerConnectionTestService],
})
export class TrackerConnectionsModule {}
