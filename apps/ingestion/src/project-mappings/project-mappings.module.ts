import { Module } from '@nestjs/common';
import { ProjectMappingsController } from './project-mappings.controller';
import { ProjectMappingsService } from './project-mappings.service';

/** `/api/project-mappings`. */
@Module({ controllers: [ProjectMappingsController], providers: [ProjectMappingsService] })
export class ProjectMappingsModule {}
