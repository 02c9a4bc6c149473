import { Injectable, NotFoundException } from '@nestjs/common';
import { SecretCipher, TrackerConnectionRepository } from '@sightline/persistence';
import { AuditService, type Principal } from '@sightline/platform';
import {
  AuthError,
  ConnectionSetupError,
  createTrackerClient,
  isTrackerError,
  trackerSettingsOf,
} from '@sightline/trackers';
import { toTrackerConnectionDto } from './tracker-connection.dto';

const TEST_TIMEOUT_MS = 15_000;

export interface ConnectionTestResult {
  ok: boolean;
  /** The account Sightline acts as; its own writes are recognised by this id. */
  botAccount: { id: string; name: string } | null;
  health: 'healthy' | 'unhealthy' | 'unknown';
  reason: string | null;
}

/**
 * `POST /api/tracker-connections/:id/test`: asks the tracker who the stored credentials belong
 * to. A success records the bot account (used to ignore Sightline's own webhook echoes) and marks
 * the connection healthy; refused credentials mark it unhealthy with the tracker's reason.
 */
@Injectable()
export class TrackerConnectionTestService {
  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
  ) {}

  async test(principal: Principal, id: string, requestId?: string): Promise<ConnectionTestResult> {
    const connection = await this.connections.findById(id);
    const sealed = connection && (await this.connections.findSealedSecrets(id));
    if (!connection || !sealed) throw new NotFoundException(`no tracker connection with id ${id}`);
    let result: ConnectionTestResult;
    try {
      const settings = trackerSettingsOf(connection, this.cipher.open(sealed.credentialEnvelope), {
        timeoutMs: TEST_TIMEOUT_MS,
      });
      const bot = await createTrackerClient(settings).whoAmI();
      result = {
        ok: true,
        botAccount: { id: bot.accountId, name: bot.displayName },
        health: 'healthy',
        reason: null,
      };
    } catch (error) {
      if (!(error instanceof ConnectionSetupError || isTrackerError(error))) throw error;
      // Only refused credentials say something about the connection; an outage leaves it as it was.
      const refused = error instanceof AuthError || error instanceof ConnectionSetupError;
      result = {
        ok: false,
        botAccount: null,
        health: refused ? 'unhealthy' : connection.health,
        reason: error.message,
      };
    }
    const updated = await this.connections.update(id, {
      health: result.health,
      healthReason: result.reason,
      ...(result.botAccount ? { botAccountId: result.botAccount.id } : {}),
    });
    await this.audit.record({
      principal,
      action: 'update',
      resourceType: 'tracker-connection',
      resourceId: id,
      before: toTrackerConnectionDto(connection),
      after: updated && toTrackerConnectionDto(updated),
      requestId,
    });
    return result;
  }
}
