import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PushHooksService } from './push-hooks.service';

/** Push hooks from git hosts: a push to a registered repository's branch refreshes its analysis within seconds. */
@ApiTags('webhooks')
@Controller('webhooks/git')
export class PushHooksController {
  constructor(private readonly hooks: PushHooksService) {}

  @Post('github')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'verified by X-Hub-Signature-256; lists the analysis runs it started' })
  github(
    @Headers('x-github-event') event: string | undefined,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Req() request: RawBodyRequest<Request>,
  ) {
    return this.hooks.github(event, signature, request.rawBody);
  }

  @Post('bitbucket')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'Bitbucket Cloud repo:push or Data Center repo:refs_changed, verified by X-Hub-Signature; lists the analysis runs it started',
  })
  bitbucket(
    @Headers('x-event-key') event: string | undefined,
    @Headers('x-hub-signature') signature: string | undefined,
    @Req() request: RawBodyRequest<Request>,
  ) {
    return this.hooks.bitbucket(event, signature, request.rawBody);
  }

  @Post('gitlab')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'verified by X-Gitlab-Token; lists the analysis runs it started' })
  gitlab(
    @Headers('x-gitlab-event') event: string | undefined,
    @Headers('x-gitlab-token') token: string | undefined,
    @Req() request: RawBodyRequest<Request>,
  ) {
    return this.hooks.gitlab(event, token, request.rawBody);
  }
}
