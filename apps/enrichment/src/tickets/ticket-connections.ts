import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  ProjectMappingRepository,
  TrackerConnectionRepository,
  type ProjectMappingRecord,
  type TrackerConnectionRecord,
} from '@sightline/persistence';
import type { TrackerKind } from '@sightline/trackers';
import { projectKeyOf } from '../core/ticket-keys';

const CONNECTION_PAGE = 200;

export interface MappedTicket {
  connection: TrackerConnectionRecord;
  mapping: ProjectMappingRecord;
}

/**
 * Which connection a ticket key belongs to. A key names a ticket only within one Jira site or
 * Linear workspace, so the caller may say which (`connectionId`); without it, the one connection
 * of that tracker whose mappings include the key's project is meant, and several are an error.
 */
@Injectable()
export class TicketConnections {
  constructor(
    private readonly connections: TrackerConnectionRepository,
    private readonly mappings: ProjectMappingRepository,
  ) {}

  async resolve(tracker: TrackerKind, key: string, connectionId?: string): Promise<MappedTicket> {
    const projectKey = projectKeyOf(key);
    if (connectionId) {
      const connection = await this.connections.findById(connectionId);
      if (!connection || connection.kind !== tracker) {
        throw new NotFoundException(`no ${tracker} tracker connection ${connectionId}`);
      }
      const mapping = await this.mappings.findForProject(connection.id, projectKey);
      if (!mapping) {
        throw new NotFoundException(
          `tracker connection "${connection.name}" has no project mapping for ${projectKey}; create one with POST /api/project-mappings`,
        );
      }
      return { connection, mapping };
    }
    const found: MappedTicket[] = [];
    for (let offset = 0; ; offset += CONNECTION_PAGE) {
      const page = await this.connections.list({ kind: tracker, limit: CONNECTION_PAGE, offset });
      for (const connection of page.items) {
        const mapping = await this.mappings.findForProject(connection.id, projectKey);
        if (mapping) found.push({ connection, mapping });
      }
      if (page.items.length < CONNECTION_PAGE) break;
    }
    if (found.length === 0)
      throw new NotFoundException(`no ${tracker} tracker connection maps project ${projectKey}`);
    if (found.length > 1) {
      throw new ConflictException(
        `${found.length} ${tracker} connections map project ${projectKey} (${found.map((f) => f.connection.id).join(', ')}); pass connectionId`,
      );
    }
    return found[0];
  }
}
