import { Controller, HttpCode, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { WebhookIntake } from './webhook-intake.service';

/**
 * Tracker webhooks, one URL per tracker connection. Authenticated by the signature of the raw
 * body with the connection's webhook secret, not by API keys; bodies are capped at 1 MiB.
 */
@ApiTags('webhooks')
@ApiUnauthorizedResponse({ description: 'unsigned, forged or (Linear) stale delivery; nothing is stored' })
@ApiBadRequestResponse({ description: 'malformed JSON or not a webhook payload' })
@ApiPayloadTooLargeResponse({ description: 'body over 1 MiB' })
@ApiNotFoundResponse({ description: 'no tracker connection of this kind with this id' })
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly intake: WebhookIntake) {}

  @Post('jira/:connectionId')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'verified by X-Hub-Signature (sha256 HMAC of the raw body), deduplicated by X-Atlassian-Webhook-Identifier; ' +
      '`outcome` says whether an enrichment was queued, the event ignored, or the delivery seen before',
  })
  jira(@Param('connectionId') connectionId: string, @Req() request: RawBodyRequest<Request>) {
    return this.intake.receive('jira', connectionId, request.headers, request.rawBody, request.body);
  }

  @Post('linear/:connectionId')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'verified by Linear-Signature with webhookTimestamp within 60 s, deduplicated by Linear-Delivery ' +
      '(else webhookId + webhookTimestamp)',
  })
  linear(@Param('connectionId') connectionId: string, @Req() request: RawBodyRequest<Request>) {
    return this.intake.receive('linear', connectionId, request.headers, request.rawBody, request.body);
  }
}
