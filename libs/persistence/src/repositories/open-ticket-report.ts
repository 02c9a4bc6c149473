/**
 * Reports of tickets still open: the tracker's phase as last read is not done. A done ticket keeps
 * its report (the note stays on it), but background work — re-checks, the digest, link renewals —
 * leaves it alone. One SQL condition, so every query means the same by "open".
 */
export const OPEN_TICKET_REPORT = `(ticket_reports.ticket->'status'->>'phase') IS DISTINCT FROM 'done'`;
