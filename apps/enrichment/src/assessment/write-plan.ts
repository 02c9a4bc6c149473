import type { WritebackStateRecord } from '@sightline/persistence';
import type { MachineData, RiskNoteReport, TrackerKind } from '@sightline/trackers';
import { machineDataHash, machineDataOf } from './machine-data';

export type WritebackMode = 'comment' | 'comment+label' | 'dry-run';
export type LowConfidenceMode = 'note' | 'silent';

export interface WritePlanInput {
  tracker: TrackerKind;
  noteReport: RiskNoteReport;
  contentHash: string;
  state: WritebackStateRecord | null;
  mode: WritebackMode;
  lowConfidenceMode: LowConfidenceMode;
  /** Rewrite every part even when the stored state says the tracker already has it. */
  forced: boolean;
}

export interface WritePlan {
  /** Why nothing is written, or null when something is. */
  nothingBecause: 'dry-run' | 'silent' | 'unchanged' | null;
  note: boolean;
  /** Add (true) or remove (false) our risk label; null leaves it alone. */
  label: boolean | null;
  machine: MachineData;
  machineHash: string;
  writeMachine: boolean;
  /**
   * The ticket may carry our machine data under another report link (the links were renewed, or
   * the data predates recorded links): the tracker must drop it, not keep it beside the new one.
   */
  replacesLink: boolean;
}

/**
 * What the ticket is missing, compared with what was last written (the stored state). The note
 * is written when its content hash differs; the label changes only when Sightline's verdict
 * changes (so a person who removed it is not overruled until the risk changes); the machine data
 * when its own hash differs. Equal everything: nothing is written at all.
 */
export function planWrite(input: WritePlanInput): WritePlan {
  const { noteReport, state, forced } = input;
  const machine = machineDataOf(input.tracker, noteReport, input.contentHash);
  const machineHash = machineDataHash(machine);
  const none = (because: WritePlan['nothingBecause']): WritePlan => ({
    nothingBecause: because,
    note: false,
    label: null,
    machine,
    machineHash,
    writeMachine: false,
    replacesLink: false,
  });
  if (input.mode === 'dry-run') return none('dry-run');
  if (noteReport.lowConfidence && input.lowConfidenceMode === 'silent' && !state?.noteId)
    return none('silent');
  const note = forced || !state?.noteId || state.noteHash !== input.contentHash;
  const wanted = noteReport.riskLevel === 'high';
  const label =
    input.mode === 'comment+label' && (forced || (state?.labelPresent ?? false) !== wanted) ? wanted : null;
  const writeMachine = forced || state?.machineHash !== machineHash;
  const replacesLink =
    writeMachine && (state?.machineHash ?? null) !== null && state?.machineUrl !== machine.reportUrl;
  if (!note && label === null && !writeMachine) return none('unchanged');
  return { nothingBecause: null, note, label, machine, machineHash, writeMachine, replacesLink };
}
