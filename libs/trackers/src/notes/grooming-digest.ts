import { describeEstimationEvidence } from '@sightline/risk';
import { z } from 'zod';

/** One flagged ticket's stored report, as the digest reads it. */
export interface DigestSource {
  ticketKey: string;
  ticket: Record<string, unknown>;
  risk: Record<string, unknown>;
  matches: Record<string, unknown>[];
  riskLevel: 'low' | 'medium' | 'high';
  /** The level of the ticket's last run with a different note; null when there was none. */
  previousLevel: string | null;
  updatedAt: Date;
}

export interface DigestTicket {
  ticketKey: string;
  title: string;
  url: string | null;
  riskLevel: string;
  score: number;
  /** High now, and not high (or not assessed) in the previous version of its note. */
  newlyFlagged: boolean;
  reasons: string[];
  areas: string[];
  /** How long similar past tickets in these areas took (evidence, not a forecast); absent when too few are known. */
  estimation?: string;
}

export interface GroomingDigest {
  tickets: DigestTicket[];
  /** Areas two or more flagged tickets touch: worth discussing together. */
  sharedAreas: { area: string; tickets: string[] }[];
}

const AREAS_PER_TICKET = 3;

/** The evidence figures as the report stores them (`risk.estimation.evidence`). */
const storedEvidenceSchema = z.object({
  tickets: z.number().int().positive(),
  p50Days: z.number().nonnegative(),
  p90Days: z.number().nonnegative(),
  minDays: z.number().nonnegative(),
  maxDays: z.number().nonnegative(),
  keys: z.array(z.string()),
  estimates: z
    .object({
      tickets: z.number().int().positive(),
      medianPoints: z.number(),
      medianDaysPerPoint: z.number(),
    })
    .nullable(),
});

/** The note's evidence sentence, from the stored figures; none for reports made before it existed. */
function estimationOf(risk: Record<string, unknown>): string | undefined {
  const parsed = storedEvidenceSchema.safeParse(record(risk.estimation).evidence);
  return parsed.success ? describeEstimationEvidence(parsed.data) : undefined;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function digestTicket(source: DigestSource): DigestTicket {
  const repositories = list(source.risk.repositories).map(record);
  const multi = source.matches.length > 1;
  const areas = source.matches.flatMap((match) =>
    list(match.areas)
      .slice(0, AREAS_PER_TICKET)
      .map((area) => text(record(area).path))
      .filter((path): path is string => path !== null)
      .map((path) => (multi ? `${String(match.repositoryName)}:${path}` : path)),
  );
  const estimation = estimationOf(source.risk);
  return {
    ticketKey: source.ticketKey,
    title: text(source.ticket.title) ?? '',
    url: text(source.ticket.url),
    riskLevel: source.riskLevel,
    score: Math.max(0, ...repositories.map((r) => (typeof r.score === 'number' ? r.score : 0))),
    newlyFlagged: source.previousLevel !== 'high',
    reasons: repositories.flatMap((r) =>
      list(r.reasons)
        .map((reason) => text(record(reason).text))
        .filter((line): line is string => line !== null),
    ),
    areas,
    ...(estimation ? { estimation } : {}),
  };
}

/**
 * The grooming meeting's list: newly flagged tickets first (what changed since last time), then
 * by risk score, highest first, then by key so the order is stable; and the areas several of
 * them share.
 */
export function buildDigest(sources: readonly DigestSource[]): GroomingDigest {
  const tickets = sources
    .filter((source) => source.riskLevel === 'high')
    .map(digestTicket)
    .sort(
      (a, b) =>
        Number(b.newlyFlagged) - Number(a.newlyFlagged) ||
        b.score - a.score ||
        a.ticketKey.localeCompare(b.ticketKey, 'en', { numeric: true }),
    );
  const byArea = new Map<string, string[]>();
  for (const ticket of tickets) {
    for (const area of new Set(ticket.areas))
      byArea.set(area, [...(byArea.get(area) ?? []), ticket.ticketKey]);
  }
  const sharedAreas = [...byArea]
    .filter(([, keys]) => keys.length > 1)
    .map(([area, keys]) => ({ area, tickets: keys }))
    .sort((a, b) => b.tickets.length - a.tickets.length || a.area.localeCompare(b.area));
  return { tickets, sharedAreas };
}
