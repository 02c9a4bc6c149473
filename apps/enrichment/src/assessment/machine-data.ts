import {
  canonicalJson,
  hasRiskLevel,
  JIRA_PROPERTY_MAX_CHARS,
  sha256Hex,
  type JsonObject,
  type MachineData,
  type RiskNoteReport,
  type TrackerKind,
} from '@sightline/trackers';

/** Sightline's part of the ticket for other tools: the report in numbers, at a stable URL. */
export const MACHINE_DATA_TITLE = 'Sightline: code context';
// Linear shows metadata strings in its UI: keep the area list short.
const LINEAR_AREAS_CHARS = 500;
// Headroom below Jira's limit for the envelope (reportUrl, title, subtitle) around `data`.
const JIRA_DATA_BUDGET = JIRA_PROPERTY_MAX_CHARS - 2_000;

function subtitleOf(report: RiskNoteReport): string {
  const areas = report.areas.length === 1 ? '1 area' : `${report.areas.length} areas`;
  if (!hasRiskLevel(report)) return `No risk level · ${areas}`;
  return `Risk: ${report.riskLevel}${report.lowConfidence ? ' (low confidence)' : ''} · ${areas}`;
}

/**
 * Jira gets the report's substance as JSON (issue property `sightline`, under 32 KB: reasons are
 * dropped first when it would not fit); Linear gets flat string/number metadata on an attachment,
 * since that is what its attachment metadata documents.
 */
export function machineDataOf(
  tracker: TrackerKind,
  report: RiskNoteReport,
  contentHash: string,
): MachineData {
  const envelope = { reportUrl: report.reportUrl, title: MACHINE_DATA_TITLE, subtitle: subtitleOf(report) };
  if (tracker === 'linear') {
    const areas = report.areas.map((area) => area.path).join(', ');
    return {
      ...envelope,
      data: {
        riskLevel: report.riskLevel,
        confidence: report.confidence,
        lowConfidence: report.lowConfidence ? 1 : 0,
        areaCount: report.areas.length,
        areas: areas.length > LINEAR_AREAS_CHARS ? `${areas.slice(0, LINEAR_AREAS_CHARS - 1)}…` : areas,
        contentHash,
      },
    };
  }
  const full: JsonObject = {
    riskLevel: report.riskLevel,
    confidence: report.confidence,
    lowConfidence: report.lowConfidence,
    contentHash,
    areas: report.areas.map((area) => ({ path: area.path, score: area.score })),
    riskReasons: report.riskReasons,
    dependencyWarnings: report.dependencyWarnings.map((warning) => ({
      area: warning.area,
      message: warning.message,
    })),
    similarTickets: report.similarTickets.map((ticket) => ticket.key),
  };
  if (JSON.stringify(full).length <= JIRA_DATA_BUDGET) return { ...envelope, data: full };
  const { riskReasons: _reasons, dependencyWarnings: _warnings, ...lean } = full;
  return { ...envelope, data: lean };
}

/** Equal hash: the tracker already holds exactly this data. */
export function machineDataHash(data: MachineData): string {
  return sha256Hex(canonicalJson(data));
}
