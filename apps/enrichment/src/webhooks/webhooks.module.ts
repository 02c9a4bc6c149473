import { Module } from '@nestjs/common';
import { WebhookConnections } from './webhook-connections';
import { WebhookIntake } from './webhook-intake.service';
import { WebhooksController } from './webhooks.controller';

/** `POST /webhooks/jira/:connectionId`, `POST /webhooks/linear/:connectionId`. */
@Module({ controllers: [WebhooksController], providers: [WebhookConnections, WebhookIntake] })
export class WebhooksModule {}
