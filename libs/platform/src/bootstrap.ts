import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { explainBodyErrors } from './http/body-errors';

export interface ServiceAppOptions {
  title: string;
  description: string;
  /** Largest accepted JSON body; webhooks are capped at 1 MiB. */
  bodyLimit?: string;
}

/** Builds a service exactly as production runs it; tests call this too. */
export async function createServiceApp(
  module: Type | object,
  options: ServiceAppOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as Type, {
    bufferLogs: true,
    rawBody: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '1mb' });
  app.use(explainBodyErrors);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'docs/json' });
  return app;
}

/**
 * Nest closes the HTTP server and waits for BullMQ workers to finish their running jobs on
 * SIGTERM. If that takes longer than the grace period, exit anyway: BullMQ's stalled-job check
 * hands the unfinished jobs to another worker, so nothing is lost.
 */
export function limitShutdownTo(graceMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(
          `shutdown took longer than ${graceMs} ms; exiting, unfinished jobs will be retried\n`,
        );
        process.exit(1);
      }, graceMs).unref();
    });
  }
}
