import {
  ConflictException,
  Get,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { HttpCode } from '@nestjs/common';
import { ProjectMappingRepository, SweepRepository, TicketReportRepository } from '@sightline/persistence';
import {
  AdminController,
  AuditService,
  CurrentPrincipal,
  RequestId,
  type Principal,
} from '@sightline/platform';
import { buildDigest } from '@sightline/trackers';
import { FlaggedTicketStates } from './flagged-ticket-states.service';
import { SweepLauncher } from './sweep-launcher.service';
import { MappingIdParamsDto, SweepDto, SweepIdParamsDto, toSweepView } from './sweep.dto';

@AdminController('api', 'grooming')
export class SweepsController {
  constructor(
    private readonly launcher: SweepLauncher,
    private readonly sweeps: SweepRepository,
    private readonly audit: AuditService,
    private readonly mappings: ProjectMappingRepository,
    private readonly reports: TicketReportRepository,
    private readonly ticketStates: FlaggedTicketStates,
  ) {}

  @Get('project-mappings/:id/digest')
  @ApiOkResponse({
    description:
      'the high-risk open tickets of the mapping, newly flagged first, with reasons and areas, and the areas several share; ticketStates says whether their states were read from the tracker just now and how many closed ones were left out',
  })
  @ApiNotFoundResponse({ description: 'no such project mapping' })
  async digest(@Param() params: MappingIdParamsDto) {
    const { id } = params as { id: string };
    const mapping = await this.mappings.findById(id);
    if (!mapping) throw new NotFoundException(`no project mapping ${id}`);
    const flagged = await this.reports.flaggedForMapping(id);
    const closed = await this.ticketStates.closedAmong(
      mapping.connectionId,
      flagged.map((report) => report.ticketKey),
    );
    const digest = buildDigest(flagged.filter((report) => !closed.keys.has(report.ticketKey)));
    return {
      mappingId: id,
      projectKey: mapping.projectKey,
      ...digest,
      ticketStates: { from: closed.statesFrom, closedLeftOut: closed.keys.size },
    };
  }

  @Post('project-mappings/:id/sweeps')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SweepDto, description: 'the queued sweep; follow it at GET /api/sweeps/{id}' })
  @ApiNotFoundResponse({ description: 'no such project mapping' })
  @ApiConflictResponse({ description: 'a sweep of this mapping is still queued or running' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MappingIdParamsDto,
    @RequestId() requestId?: string,
  ) {
    const { id } = params as { id: string };
    let launched;
    try {
      launched = await this.launcher.launch(id, 'api');
    } catch (error) {
      throw new ServiceUnavailableException(`could not queue the sweep: ${(error as Error).message}`);
    }
    if (launched.kind === 'no-mapping') throw new NotFoundException(`no project mapping ${id}`);
    if (launched.kind === 'busy') {
      throw new ConflictException(
        `sweep ${launched.sweep.id} of this mapping is still ${launched.sweep.status}; follow it at /api/sweeps/${launched.sweep.id}`,
      );
    }
    const view = toSweepView(launched.sweep);
    await this.audit.record({
      principal,
      action: 'trigger',
      resourceType: 'grooming-sweep',
      resourceId: view.id,
      after: view,
      requestId,
    });
    return view;
  }

  @Get('sweeps/:id')
  @ApiOkResponse({ type: SweepDto, description: 'the sweep and its progress' })
  @ApiNotFoundResponse({ description: 'no such sweep' })
  async find(@Param() params: SweepIdParamsDto) {
    const { id } = params as { id: string };
    const sweep = await this.sweeps.find(id);
    if (!sweep) throw new NotFoundException(`no sweep ${id}`);
    return toSweepView(sweep);
  }
}
