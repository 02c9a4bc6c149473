import { Controller, Get, Header, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { TicketParamsDto, type TicketParams } from '../tickets/ticket.dto';
import { ReportLinkQueryDto, type ReportLinkQuery } from './report-page.dto';
import { ReportPages } from './report-pages.service';

/**
 * The HTML page a note's "Full report" link opens, for anyone who can read the ticket: the signed
 * link is the credential, not an API key. Nothing on the page runs script or loads anything, it is
 * never cached, and it sends no referrer (the token is in its address).
 */
@ApiTags('reports')
@Controller('reports')
@UseGuards(ThrottlerGuard)
export class ReportPagesController {
  constructor(private readonly pages: ReportPages) {}

  @Get(':tracker/:key')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the report page: the note, and every repository’s best files with reasons' })
  @ApiNotFoundResponse({ description: 'the link is not one Sightline wrote, or the ticket has no report' })
  @Header('Cache-Control', 'private, no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  async page(
    @Param() params: TicketParamsDto,
    @Query() query: ReportLinkQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { tracker, key } = params as TicketParams;
    const { connection, token } = query as ReportLinkQuery;
    const page = await this.pages.page(tracker, key, connection, token);
    // Set only once there is a page: errors keep the service's JSON error body.
    response.type('html');
    return page;
  }
}
