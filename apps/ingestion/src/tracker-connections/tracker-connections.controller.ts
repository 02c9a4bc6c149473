import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { AdminController, CurrentPrincipal, RequestId, type Principal } from '@sightline/platform';
import {
  CreateTrackerConnectionDto,
  ListTrackerConnectionsQueryDto,
  TrackerConnectionDto,
  TrackerConnectionPageDto,
  UpdateTrackerConnectionDto,
  type CreateTrackerConnectionInput,
} from './tracker-connection.dto';
import { TrackerConnectionTestService } from './tracker-connection-test.service';
import { TrackerConnectionsService } from './tracker-connections.service';

@AdminController('api/tracker-connections', 'tracker-connections')
export class TrackerConnectionsController {
  constructor(
    private readonly connections: TrackerConnectionsService,
    private readonly tester: TrackerConnectionTestService,
  ) {}

  @Get()
  @ApiOkResponse({ type: TrackerConnectionPageDto, description: 'ordered by name' })
  list(@Query() query: ListTrackerConnectionsQueryDto) {
    return this.connections.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TrackerConnectionDto })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.connections.get(id);
  }

  @Post()
  @ApiCreatedResponse({
    type: TrackerConnectionDto,
    description: 'credentials and webhook secret are stored encrypted and never returned',
  })
  @ApiConflictResponse({ description: 'the name is taken' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateTrackerConnectionDto,
    @RequestId() requestId?: string,
  ) {
    return this.connections.create(principal, body as CreateTrackerConnectionInput, requestId);
  }

  @Patch(':id')
  @ApiOkResponse({
    type: TrackerConnectionDto,
    description: 'only the given fields change; "webhookSecret": null removes it',
  })
  @ApiConflictResponse({ description: 'the new name is taken' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateTrackerConnectionDto,
    @RequestId() requestId?: string,
  ) {
    return this.connections.update(principal, id, body, requestId);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOkResponse({
    description: '{ ok, botAccount, health, reason }: who the credentials act as, or why they fail',
  })
  test(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.tester.test(principal, id, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiConflictResponse({ description: 'a project mapping still uses the connection' })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.connections.remove(principal, id, requestId);
  }
}
