import { Module } from '@nestjs/common';
import { RepositoriesController } from './repositories.controller';
import { RepositoriesService } from './repositories.service';
import { RefreshSchedulesService } from './refresh-schedules.service';
import { RepositoryCredentialsService } from './repository-credentials.service';

/** `/api/repositories`. A worker that needs credentials provides RepositoryCredentialsService itself. */
@Module({
  controllers: [RepositoriesController],
  providers: [RepositoriesService, RepositoryCredentialsService, RefreshSchedulesService],
})
export class RepositoriesModule {}
