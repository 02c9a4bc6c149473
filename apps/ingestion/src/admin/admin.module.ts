import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuditLogController } from './audit-log.controller';
import { ProjectMappingsModule } from '../project-mappings/project-mappings.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { TrackerConnectionsModule } from '../tracker-connections/tracker-connections.module';

@Module({
  imports: [RepositoriesModule, TrackerConnectionsModule, ProjectMappingsModule],
  controllers: [ApiKeysController, AuditLogController],
  providers: [ApiKeysService],
})
export class AdminModule {}
