import {
  ProjectMappingRepository,
  TrackerConnectionRepository,
  type ProjectMappingRecord,
} from '@sightline/persistence';
import { CliError } from '../../cli-error';
import type { CliDataSource } from '../../database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** More than this many project mappings are not worth listing in an error message. */
const LISTED = 20;

async function describeCandidates(
  dataSource: CliDataSource,
  mappings: readonly ProjectMappingRecord[],
): Promise<string> {
  const connections = new TrackerConnectionRepository(dataSource);
  const lines = await Promise.all(
    mappings.map(async (mapping) => {
      const connection = await connections.findById(mapping.connectionId);
      const on = connection ? `${connection.kind} connection "${connection.name}"` : 'a removed connection';
      return `  ${mapping.id}  ${mapping.projectKey} on ${on}`;
    }),
  );
  return lines.join('\n');
}

/**
 * The project mapping `<mapping>` names: a mapping id, or a Jira project / Linear team key that
 * exactly one mapping uses. Unknown or ambiguous names are bad input (exit 2) with the
 * candidates listed, so the next attempt can succeed.
 */
export async function resolveMapping(
  dataSource: CliDataSource,
  argument: string,
): Promise<ProjectMappingRecord> {
  const mappings = new ProjectMappingRepository(dataSource);
  if (UUID.test(argument)) {
    const mapping = await mappings.findById(argument);
    if (mapping) return mapping;
    throw new CliError(`<mapping>: no project mapping with id ${argument}`);
  }
  const matching = await mappings.list({ projectKey: argument, limit: LISTED, offset: 0 });
  if (matching.total === 1) return matching.items[0];
  if (matching.total > 1) {
    throw new CliError(
      `<mapping>: ${matching.total} project mappings use the key ${argument}; name one by its id:\n` +
        (await describeCandidates(dataSource, matching.items)),
    );
  }
  const known = await mappings.list({ limit: LISTED, offset: 0 });
  const hint =
    known.total === 0
      ? 'there are no project mappings yet (create one with POST /api/project-mappings)'
      : `known project keys: ${[...new Set(known.items.map((m) => m.projectKey))].join(', ')}` +
        (known.total > LISTED ? ', …' : '');
  throw new CliError(
    `<mapping>: no project mapping with the key ${argument}; give a mapping id or a project key (${hint})`,
  );
}
