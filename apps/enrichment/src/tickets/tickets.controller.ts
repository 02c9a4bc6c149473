import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AdminController,
  CurrentPrincipal,
  RequestId,
  RequireRole,
  type Principal,
} from '@sightline/platform';
import { TicketActionsService } from './ticket-actions.service';
import { TicketReportsService } from './ticket-reports.service';
import {
  EnrichmentRunDto,
  EnrichmentRunPageDto,
  EnrichTicketDto,
  FeedbackDto,
  ListEnrichmentsQueryDto,
  ReportQueryDto,
  TicketParamsDto,
  type EnrichTicketInput,
  type FeedbackInput,
  type ListEnrichmentsQuery,
  type TicketParams,
} from './ticket.dto';

@AdminController('api/tickets', 'tickets')
export class TicketsController {
  constructor(
    private readonly reports: TicketReportsService,
    private readonly actions: TicketActionsService,
  ) {}

  @Get(':tracker/:key/report')
  @ApiOkResponse({
    description: 'the stored report: matches, risk and reasons, the rendered note, what was written',
  })
  @ApiNotFoundResponse({ description: 'no report; the message says what the last enrichment did instead' })
  @ApiConflictResponse({ description: 'several connections have this key; pass connectionId' })
  report(@Param() params: TicketParamsDto, @Query() query: ReportQueryDto) {
    const { tracker, key } = params as TicketParams;
    return this.reports.report(tracker, key, (query as { connectionId?: string }).connectionId);
  }

  @Post(':tracker/:key/enrich')
  // A preview only reads; forcing a write-back is checked for an admin key in the service.
  @RequireRole('viewer')
  @ApiOkResponse({
    description: 'mode preview: the note as it would be written now, and what would be written',
  })
  @ApiAcceptedResponse({ description: 'mode force: the queued run (GET /api/enrichments/{id})' })
  async enrich(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TicketParamsDto,
    @Body() body: EnrichTicketDto,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId?: string,
  ) {
    const { tracker, key } = params as TicketParams;
    const answer = await this.actions.enrich(principal, tracker, key, body as EnrichTicketInput, requestId);
    response.status(answer.status);
    return answer.body;
  }

  @Post(':tracker/:key/feedback')
  @ApiCreatedResponse({
    description: 'stored; the matcher uses it from now on and the ticket is enriched again',
  })
  feedback(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TicketParamsDto,
    @Body() body: FeedbackDto,
    @RequestId() requestId?: string,
  ) {
    const { tracker, key } = params as TicketParams;
    return this.actions.recordFeedback(principal, tracker, key, body as FeedbackInput, requestId);
  }
}

@AdminController('api/enrichments', 'tickets')
export class EnrichmentsController {
  constructor(private readonly reports: TicketReportsService) {}

  @Get()
  @ApiOkResponse({ type: EnrichmentRunPageDto, description: 'newest first, with each run’s outcome' })
  list(@Query() query: ListEnrichmentsQueryDto) {
    return this.reports.listRuns(query as ListEnrichmentsQuery);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnrichmentRunDto })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.run(id);
  }
}
