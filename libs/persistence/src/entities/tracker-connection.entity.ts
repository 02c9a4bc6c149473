import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type TrackerKind = 'jira' | 'linear';

@Entity({ name: 'tracker_connections' })
export class TrackerConnectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { unique: true }) name!: string;
  @Column('text') kind!: TrackerKind;
  /** Jira site URL; Linear's API URL when not the default. */
  @Column('text', { name: 'base_url', nullable: true }) baseUrl!: string | null;
  @Column('text', { name: 'auth_kind' }) authKind!: string;
  /** SecretCipher envelope of the credential JSON (email + token, bearer token, API key). */
  @Column('text', { name: 'credential_ciphertext' }) credentialCiphertext!: string;
  @Column('text', { name: 'webhook_secret_ciphertext', nullable: true }) webhookSecretCiphertext!:
    string | null;
  /** SecretCipher envelope of the key that signs report links; created on first use. */
  @Column('text', { name: 'report_link_key_ciphertext', nullable: true, select: false })
  reportLinkKeyCiphertext!: string | null;
  @Column('text', { name: 'bot_account_id', nullable: true }) botAccountId!: string | null;
  @Column('text', { default: 'unknown' }) health!: 'unknown' | 'healthy' | 'unhealthy';
  @Column('text', { name: 'health_reason', nullable: true }) healthReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
