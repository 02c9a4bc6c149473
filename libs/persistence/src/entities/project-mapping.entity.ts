import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type WritebackMode = 'comment' | 'comment+label' | 'dry-run';

/** A Jira project or Linear team, mapped to repositories (see project_mapping_repositories). */
@Entity({ name: 'project_mappings' })
export class ProjectMappingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'connection_id' }) connectionId!: string;
  /** Jira project key or Linear team key. */
  @Column('text', { name: 'project_key' }) projectKey!: string;
  /** `{ match: component-or-label, glob: path glob }` rules. */
  @Column('jsonb', { name: 'path_rules', default: () => "'[]'" }) pathRules!: {
    match: string;
    glob: string;
  }[];
  @Column('jsonb', { name: 'risk_thresholds', default: () => "'{}'" }) riskThresholds!: Record<
    string,
    number
  >;
  @Column('text', { name: 'writeback_mode', default: 'comment+label' }) writebackMode!: WritebackMode;
  @Column('jsonb', { default: () => "'{}'" }) grooming!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'project_mapping_repositories' })
export class ProjectMappingRepositoryEntity {
  @Column('uuid', { name: 'mapping_id', primary: true }) mappingId!: string;
  @Column('uuid', { name: 'repository_id', primary: true }) repositoryId!: string;
}
