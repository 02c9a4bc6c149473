import type { INestApplication, Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { Config } from '@sightline/config';
import { ApiKeyRepository, AuditLogRepository, type AuditRecord } from '@sightline/persistence';
import { LogCapture } from './log-capture';
import { testConfig } from './test-config';

type Method = 'get' | 'post' | 'patch' | 'delete';

export type ServiceAppFactory = (config: Config, logs: DestinationStream) => Promise<INestApplication>;

/**
 * A service's admin API as e2e specs drive it: an admin and a viewer key, every response body
 * kept (to prove no secret ever leaves), logs captured, audit rows at hand.
 */
export class AdminApiHarness {
  readonly logs = new LogCapture();
  /** Every response body this harness has seen, in order. */
  readonly responses: string[] = [];
  adminKey = '';
  viewerKey = '';
  private app?: INestApplication;

  constructor(
    private readonly createApp: ServiceAppFactory,
    private readonly overrides: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    // The API role unless overridden: admin specs are about the API, not what workers do with it.
    this.app = await this.createApp(
      testConfig({ LOG_LEVEL: 'debug', SIGHTLINE_ROLES: 'api', ...this.overrides }),
      this.logs,
    );
    await this.app.init();
    const keys = this.app.get(ApiKeyRepository);
    this.adminKey = (await keys.issue({ name: 'harness-admin', role: 'admin', createdBy: 'test' })).secret;
    this.viewerKey = (await keys.issue({ name: 'harness-viewer', role: 'viewer', createdBy: 'test' })).secret;
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.close();
  }

  /** A provider of the app, by class or by injection token (e.g. a BullMQ queue's). */
  get<T>(token: Type<T> | string | symbol): T {
    if (!this.app) throw new Error('start() the harness first');
    return this.app.get<T>(token);
  }

  async call(method: Method, path: string, body?: object, key = this.adminKey): Promise<request.Response> {
    if (!this.app) throw new Error('start() the harness first');
    let pending = request(this.app.getHttpServer())[method](path).set('Authorization', `Bearer ${key}`);
    if (body !== undefined) pending = pending.send(body);
    const response = await pending;
    this.responses.push(response.text);
    return response;
  }

  async audit(resourceType: string, resourceId: string): Promise<AuditRecord[]> {
    return this.get(AuditLogRepository).list({ resourceType, resourceId, limit: 100, offset: 0 });
  }

  /** Everything that left the service or was written to the audit log, as one text to search. */
  async everythingObservable(resourceType: string): Promise<string> {
    const rows = await this.get(AuditLogRepository).list({ resourceType, limit: 500, offset: 0 });
    return [...this.responses, this.logs.text(), JSON.stringify(rows)].join('\n');
  }
}

/** The fields of a 400 validation_failed body. */
export function fieldsOf(response: request.Response): string[] {
  return (response.body.error?.details ?? []).map((detail: { field: string }) => detail.field);
}
