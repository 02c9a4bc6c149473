import { Module } from '@nestjs/common';
import { GroomingSchedules } from './grooming-schedules.service';
import { SweepLauncher } from './sweep-launcher.service';
import { SweepsController } from './sweeps.controller';

/** `POST /api/project-mappings/:id/sweeps` and `GET /api/sweeps/:id`. */
@Module({
  controllers: [SweepsController],
  providers: [GroomingSchedules, SweepLauncher],
})
export class GroomingApiModule {}
