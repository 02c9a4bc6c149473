import { Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type Config } from '@sightline/config';
import {
  SecretCipher,
  TrackerConnectionRepository,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import { createTrackerClient, type TrackerClient } from '@sightline/trackers';
import { ConnectionSetupError, trackerSettingsOf } from '@sightline/trackers';

interface CachedClient {
  /** The connection's `updatedAt`: any change to it (credentials, URL, health) builds a new client. */
  version: number;
  client: TrackerClient;
}

/**
 * One tracker client per connection and process, built from the sealed credentials. The client
 * caches the bot identity, Linear states and labels, so reusing it saves requests on every job.
 */
@Injectable()
export class TrackerClients {
  private readonly logger = new Logger(TrackerClients.name);
  private readonly clients = new Map<string, CachedClient>();

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly connections: TrackerConnectionRepository,
    private readonly cipher: SecretCipher,
  ) {}

  async clientFor(connection: TrackerConnectionRecord): Promise<TrackerClient> {
    const version = connection.updatedAt.getTime();
    const cached = this.clients.get(connection.id);
    if (cached && cached.version === version) return cached.client;
    const sealed = await this.connections.findSealedSecrets(connection.id);
    if (!sealed) throw new ConnectionSetupError(`tracker connection ${connection.id} no longer exists`);
    const settings = trackerSettingsOf(connection, this.cipher.open(sealed.credentialEnvelope), {
      timeoutMs: this.config.TRACKER_TIMEOUT_MS,
    });
    const client = createTrackerClient(settings);
    this.clients.set(connection.id, { version, client });
    return client;
  }

  /**
   * Records the bot account the credentials act as, and that they work, the first time a
   * connection is used after it was created or changed. The bot id is what the webhook endpoint
   * recognises Sightline's own writes by.
   */
  async identify(
    connection: TrackerConnectionRecord,
    client: TrackerClient,
  ): Promise<TrackerConnectionRecord> {
    if (connection.health === 'healthy' && connection.botAccountId) return connection;
    const bot = await client.whoAmI();
    const updated = await this.connections.update(connection.id, {
      botAccountId: bot.accountId,
      health: 'healthy',
      healthReason: null,
    });
    this.logger.log(
      { connectionId: connection.id, botAccountId: bot.accountId },
      'tracker connection verified',
    );
    // Recording the bot changed the row's version, not its URL or credentials: the client (and
    // what it learnt, such as Jira's story-points field) stays valid for the new version.
    if (updated && this.clients.get(connection.id)?.client === client)
      this.clients.set(connection.id, { version: updated.updatedAt.getTime(), client });
    return updated ?? connection;
  }

  /** Credentials refused or the connection unusable: stop using it until an admin changes it. */
  async markUnhealthy(connectionId: string, reason: string): Promise<void> {
    await this.connections.update(connectionId, { health: 'unhealthy', healthReason: reason.slice(0, 500) });
    this.clients.delete(connectionId);
    this.logger.warn({ connectionId, reason }, 'tracker connection marked unhealthy');
  }
}
