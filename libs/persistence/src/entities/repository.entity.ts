import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'repositories' })
export class RepositoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { unique: true }) name!: string;
  @Column('text', { name: 'clone_url' }) cloneUrl!: string;
  @Column('text', { name: 'default_branch', nullable: true }) defaultBranch!: string | null;
  @Column('text', { name: 'remote_default_branch', nullable: true }) remoteDefaultBranch!: string | null;
  @Column('text', { name: 'credential_kind', nullable: true }) credentialKind!: 'token' | 'ssh-key' | null;
  /** SecretCipher envelope; never leaves the persistence layer undecrypted-by-accident. */
  @Column('text', { name: 'credential_ciphertext', nullable: true }) credentialCiphertext!: string | null;
  @Column('jsonb', { default: () => "'[]'" }) exclusions!: string[];
  @Column('text', { name: 'refresh_cron', nullable: true }) refreshCron!: string | null;
  @Column('integer', { name: 'history_window_days', nullable: true }) historyWindowDays!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
