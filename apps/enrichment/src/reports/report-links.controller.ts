import { HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { AdminController, CurrentPrincipal, RequestId, type Principal } from '@sightline/platform';
import { ReportLinkRenewals } from './report-link-renewal.service';

/** Admin control over the signed links in a connection's notes. */
@AdminController('api/tracker-connections', 'reports')
export class ReportLinksController {
  constructor(private readonly renewals: ReportLinkRenewals) {}

  @Post(':id/report-links/renew')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      '{ connectionId, ticketsQueued }: every link written so far answers 404 from now on; each ticket Sightline wrote to is enriched again (trigger relink) and gets the new link',
  })
  @ApiNotFoundResponse({ description: 'no such tracker connection' })
  renew(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestId() requestId?: string,
  ) {
    return this.renewals.renew(principal, id, requestId);
  }
}
