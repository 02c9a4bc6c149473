import type { TicketPhase } from './tracker-client.port';

const JIRA_PHASES: Record<string, TicketPhase> = { new: 'unstarted', indeterminate: 'started', done: 'done' };

const LINEAR_PHASES: Record<string, TicketPhase> = {
  triage: 'unstarted',
  backlog: 'unstarted',
  unstarted: 'unstarted',
  started: 'started',
  completed: 'done',
  canceled: 'done',
  duplicate: 'done',
};

/** The phase of a Jira status category key (`new`, `indeterminate`, `done`); a category Jira adds later counts as started. */
export function jiraPhaseOf(categoryKey: string): TicketPhase {
  return JIRA_PHASES[categoryKey] ?? 'started';
}

/** The phase of a Linear workflow state type (`triage` … `duplicate`); a type Linear adds later counts as started. */
export function linearPhaseOf(stateType: string): TicketPhase {
  return LINEAR_PHASES[stateType] ?? 'started';
}
