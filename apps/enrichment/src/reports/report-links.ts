import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InjectConfig, type Config } from '@sightline/config';
import { SecretCipher, TrackerConnectionRepository } from '@sightline/persistence';
import type { TrackerKind } from '@sightline/trackers';

/** Which report a link opens. */
export interface ReportLinkTarget {
  tracker: TrackerKind;
  connectionId: string;
  ticketKey: string;
}

/** HMAC-SHA256 of the target under the connection's link key, base64url (43 characters). */
export function reportLinkToken(key: Buffer, target: ReportLinkTarget): string {
  return createHmac('sha256', key)
    .update(`${target.tracker}\n${target.connectionId}\n${target.ticketKey}`)
    .digest('base64url');
}

/** The page a note's "Full report" link opens; stable per ticket, as Linear's attachment needs. */
export function reportPageUrl(publicUrl: string, target: ReportLinkTarget, token: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const query = new URLSearchParams({ connection: target.connectionId, token });
  return `${base}/reports/${target.tracker}/${encodeURIComponent(target.ticketKey)}?${query}`;
}

/**
 * Signed links to the report page. Everyone who can read a ticket can read its note, so the link in
 * the note opens that ticket's report without an admin key; the token proves the link came from
 * Sightline and opens no other ticket's report. Each connection has its own random key, sealed at
 * rest with SECRETS_KEYS (so rotating those keys never changes a link).
 */
@Injectable()
export class ReportLinks {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly connections: TrackerConnectionRepository,
    private readonly cipher: SecretCipher,
  ) {}

  async urlFor(target: ReportLinkTarget): Promise<string> {
    const key = await this.keyOf(target.connectionId, true);
    if (!key) throw new Error(`tracker connection ${target.connectionId} no longer exists`);
    return reportPageUrl(this.config.ENRICHMENT_PUBLIC_URL, target, reportLinkToken(key, target));
  }

  /** Whether `token` is the one `urlFor` writes for this target; constant time, and writes nothing. */
  async verifies(target: ReportLinkTarget, token: string): Promise<boolean> {
    const key = await this.keyOf(target.connectionId, false);
    if (!key) return false;
    const expected = Buffer.from(reportLinkToken(key, target));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** A new key for the connection: every link written so far stops opening. False: no such connection. */
  renew(connectionId: string): Promise<boolean> {
    return this.connections.replaceReportLinkKey(connectionId, this.sealedNewKey());
  }

  /** Read each time (one primary-key lookup): a renewed key takes effect at once. */
  private async keyOf(connectionId: string, create: boolean): Promise<Buffer | null> {
    const envelope = await this.connections.reportLinkKeyEnvelope(
      connectionId,
      create ? () => this.sealedNewKey() : undefined,
    );
    return envelope ? Buffer.from(this.cipher.open(envelope), 'base64') : null;
  }

  private sealedNewKey(): string {
    return this.cipher.seal(randomBytes(32).toString('base64'));
  }
}
