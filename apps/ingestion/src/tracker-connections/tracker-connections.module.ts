import { Module } from '@nestjs/common';
import { TrackerConnectionsController } from './tracker-connections.controller';
import { TrackerConnectionsService } from './tracker-connections.service';

/** `/api/tracker-connections`. */
@Module({ controllers: [TrackerConnectionsController], providers: [TrackerConnectionsService] })
export class TrackerConnectionsModule {}
