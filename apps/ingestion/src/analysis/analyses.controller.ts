import { Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AnalysisRunRepository } from '@sightline/persistence';
import {
  AdminController,
  AuditService,
  CurrentPrincipal,
  RequestId,
  type Principal,
} from '@sightline/platform';
import { AnalysisRunDto, toAnalysisRunDto } from './analysis-run.dto';
import { AnalysisTriggerService } from './analysis-trigger.service';

class RunsQueryDto extends createZodDto(
  z.object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  }),
) {}

@AdminController('api', 'analyses')
export class AnalysesController {
  constructor(
    private readonly triggers: AnalysisTriggerService,
    private readonly runs: AnalysisRunRepository,
    private readonly audit: AuditService,
  ) {}

  @Post('repositories/:id/analyses')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: AnalysisRunDto,
    description: 'the queued run (an already queued run is reused)',
  })
  async trigger(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) repositoryId: string,
    @RequestId() requestId?: string,
  ) {
    const run = toAnalysisRunDto(await this.triggers.trigger(repositoryId, 'api'));
    await this.audit.record({
      principal,
      action: 'trigger',
      resourceType: 'analysis-run',
      resourceId: run.id,
      after: run,
      requestId,
    });
    return run;
  }

  @Get('repositories/:id/analyses')
  @ApiOkResponse({ type: [AnalysisRunDto], description: 'newest first' })
  async list(@Param('id', new ParseUUIDPipe()) repositoryId: string, @Query() query: RunsQueryDto) {
    return (await this.runs.listForRepository(repositoryId, query.limit, query.offset)).map(toAnalysisRunDto);
  }

  @Get('analyses/:runId')
  @ApiOkResponse({ type: AnalysisRunDto })
  async get(@Param('runId', new ParseUUIDPipe()) runId: string) {
    const run = await this.runs.find(runId);
    if (!run) throw new NotFoundException(`no analysis run with id ${runId}`);
    return toAnalysisRunDto(run);
  }
}
