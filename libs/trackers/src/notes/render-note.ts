import { createHash } from 'node:crypto';
import type { JsonValue, NoteContent } from '../tracker-client.port';
import { NOTE_MARKER } from '../tracker-constants';
import { renderJiraNote } from './jira-note.renderer';
import { renderLinearNote } from './linear-note.renderer';
import { riskNoteReportSchema, type RiskNoteReport } from './risk-note-report';

/** Bump when the rendering changes on purpose, so every note is rewritten once with the new layout. */
export const NOTE_RENDERER_VERSION = 1;

/** JSON with object keys sorted at every level: the canonical form the content hash is taken over. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value as JsonValue);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Renders both formats and the content hash. The hash covers both renderings and the renderer
 * version, so "hash unchanged" means no tracker would see a difference.
 */
export function renderNote(report: RiskNoteReport, marker: string = NOTE_MARKER): NoteContent {
  // The marker is searched for verbatim in stored comments, so it must need no Markdown escaping.
  if (!/^[A-Za-z0-9:.-]+$/.test(marker)) throw new Error(`note marker must match [A-Za-z0-9:.-]+: ${marker}`);
  const valid = riskNoteReportSchema.parse(report);
  const adf = renderJiraNote(valid, marker);
  const markdown = renderLinearNote(valid, marker);
  const contentHash = sha256Hex(canonicalJson({ version: NOTE_RENDERER_VERSION, adf, markdown }));
  return { adf, markdown, contentHash, marker };
}
