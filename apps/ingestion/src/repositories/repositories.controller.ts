import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { AdminController, CurrentPrincipal, RequestId, type Principal } from '@sightline/platform';
import { RepositoriesService } from './repositories.service';
import {
  CreateRepositoryDto,
  ListRepositoriesQueryDto,
  RepositoryDto,
  RepositoryPageDto,
  UpdateRepositoryDto,
} from './repository.dto';

@AdminController('api/repositories', 'repositories')
export class RepositoriesController {
  constructor(private readonly repositories: RepositoriesService) {}

  @Get()
  @ApiOkResponse({ type: RepositoryPageDto, description: 'ordered by name' })
  list(@Query() query: ListRepositoriesQueryDto) {
    return this.repositories.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: RepositoryDto })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.repositories.get(id);
  }

  @Post()
  @ApiCreatedResponse({
    type: RepositoryDto,
    description: 'credentials are stored encrypted and never returned',
  })
  @ApiConflictResponse({ description: 'the name is taken' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateRepositoryDto,
    @RequestId() requestId?: string,
  ) {
    return this.repositories.create(principal, body, requestId);
  }

  @Patch(':id')
  @ApiOkResponse({
    type: RepositoryDto,
    description: 'only the given fields change; "credentials": null removes them',
  })
  @ApiConflictResponse({ description: 'the new name is taken' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateRepositoryDto,
    @RequestId() requestId?: string,
  ) {
    return this.repositories.update(principal, id, body, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted, with its analysis runs and snapshots' })
  @ApiConflictResponse({ description: 'a project mapping still uses the repository' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.repositories.remove(principal, id, requestId);
  }
}
