import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminController, CurrentPrincipal, RequestId, type Principal } from '@sightline/platform';
import {
  CreateProjectMappingDto,
  ListProjectMappingsQueryDto,
  ProjectMappingDto,
  ProjectMappingPageDto,
  UpdateProjectMappingDto,
} from './project-mapping.dto';
import { ProjectMappingsService } from './project-mappings.service';

@AdminController('api/project-mappings', 'project-mappings')
export class ProjectMappingsController {
  constructor(private readonly mappings: ProjectMappingsService) {}

  @Get()
  @ApiOkResponse({ type: ProjectMappingPageDto, description: 'ordered by project key' })
  list(@Query() query: ListProjectMappingsQueryDto) {
    return this.mappings.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectMappingDto })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.mappings.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ProjectMappingDto })
  @ApiConflictResponse({ description: 'the connection already maps this project key' })
  @ApiUnprocessableEntityResponse({ description: 'the connection or a repository does not exist' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateProjectMappingDto,
    @RequestId() requestId?: string,
  ) {
    return this.mappings.create(principal, body, requestId);
  }

  @Patch(':id')
  @ApiOkResponse({
    type: ProjectMappingDto,
    description:
      'only the given fields change; riskThresholds and grooming merge field by field; repositoryIds replaces the set',
  })
  @ApiConflictResponse({ description: 'the connection already maps this project key' })
  @ApiUnprocessableEntityResponse({ description: 'the connection or a repository does not exist' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateProjectMappingDto,
    @RequestId() requestId?: string,
  ) {
    return this.mappings.update(principal, id, body, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted; its repositories and connection stay' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.mappings.remove(principal, id, requestId);
  }
}
