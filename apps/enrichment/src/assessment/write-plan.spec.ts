import type { WritebackStateRecord } from '@sightline/persistence';
import { sampleRiskReport } from '@sightline/testing';
import { machineDataHash, machineDataOf } from './machine-data';
import { planWrite, type WritePlanInput } from './write-plan';

const HASH = 'a'.repeat(64);

function input(overrides: Partial<WritePlanInput> = {}): WritePlanInput {
  return {
    tracker: 'jira',
    noteReport: sampleRiskReport(),
    contentHash: HASH,
    state: null,
    mode: 'comment+label',
    lowConfidenceMode: 'note',
    forced: false,
    ...overrides,
  };
}

function written(overrides: Partial<WritebackStateRecord> = {}): WritebackStateRecord {
  const report = sampleRiskReport();
  return {
    connectionId: 'c',
    ticketKey: 'SHOP-1',
    noteId: '10001',
    noteHash: HASH,
    labelPresent: true,
    machineHash: machineDataHash(machineDataOf('jira', report, HASH)),
    machineUrl: report.reportUrl,
    lastWrittenAt: new Date(0),
    ...overrides,
  };
}

describe('planWrite', () => {
  it('writes note, label and machine data to a ticket that has nothing yet', () => {
    const plan = planWrite(input());
    expect(plan).toEqual(
      expect.objectContaining({ nothingBecause: null, note: true, label: true, writeMachine: true }),
    );
  });

  it('writes nothing when the note hash, label and machine data are what was last written', () => {
    expect(planWrite(input({ state: written() })).nothingBecause).toBe('unchanged');
  });

  it('rewrites only the part that differs', () => {
    const plan = planWrite(input({ state: written({ noteHash: 'b'.repeat(64) }) }));
    expect(plan).toEqual(expect.objectContaining({ note: true, label: null, writeMachine: false }));
    const lost = planWrite(input({ state: written({ machineHash: null }) }));
    expect(lost).toEqual(expect.objectContaining({ note: false, label: null, writeMachine: true }));
  });

  it('removes the label when the risk is no longer high, and leaves it alone when never set', () => {
    const medium = sampleRiskReport({ riskLevel: 'medium' });
    expect(planWrite(input({ noteReport: medium, state: written() })).label).toBe(false);
    expect(planWrite(input({ noteReport: medium, state: written({ labelPresent: null }) })).label).toBeNull();
  });

  it('never touches the label in comment mode, and writes nothing in dry-run mode', () => {
    expect(planWrite(input({ mode: 'comment' })).label).toBeNull();
    expect(planWrite(input({ mode: 'dry-run' }))).toEqual(
      expect.objectContaining({ nothingBecause: 'dry-run', note: false, label: null, writeMachine: false }),
    );
  });

  it('stays silent on a low-confidence match only while no note exists, when asked to', () => {
    const guess = sampleRiskReport({ lowConfidence: true, riskLevel: 'medium' });
    expect(planWrite(input({ noteReport: guess, lowConfidenceMode: 'silent' })).nothingBecause).toBe(
      'silent',
    );
    expect(planWrite(input({ noteReport: guess, lowConfidenceMode: 'note' })).note).toBe(true);
    const existing = planWrite(
      input({ noteReport: guess, lowConfidenceMode: 'silent', state: written({ noteHash: null }) }),
    );
    expect(existing.note).toBe(true);
  });

  it('asks the tracker to drop our machine data under another link, and only then', () => {
    const renewed = sampleRiskReport({
      reportUrl: 'https://sightline.example.com/reports/jira/SHOP-1?t=new',
    });
    const relinked = planWrite(input({ noteReport: renewed, state: written() }));
    expect(relinked).toEqual(expect.objectContaining({ writeMachine: true, replacesLink: true }));
    // Data written before links were recorded may carry any link.
    const unknown = planWrite(input({ state: written({ machineUrl: null, machineHash: 'old' }) }));
    expect(unknown.replacesLink).toBe(true);
    expect(planWrite(input()).replacesLink).toBe(false);
    expect(planWrite(input({ state: written(), forced: true })).replacesLink).toBe(false);
    const sameLink = planWrite(input({ state: written({ machineHash: 'other data, same link' }) }));
    expect(sameLink).toEqual(expect.objectContaining({ writeMachine: true, replacesLink: false }));
  });

  it('rewrites everything when forced', () => {
    const plan = planWrite(input({ state: written(), forced: true }));
    expect(plan).toEqual(
      expect.objectContaining({ nothingBecause: null, note: true, label: true, writeMachine: true }),
    );
  });
});

describe('machineDataOf', () => {
  it('gives Linear flat string and number metadata, and Jira the report in numbers', () => {
    const report = sampleRiskReport();
    const linear = machineDataOf('linear', report, HASH);
    expect(linear.subtitle).toBe('Risk: high · 2 areas');
    expect(Object.values(linear.data).every((v) => typeof v === 'string' || typeof v === 'number')).toBe(
      true,
    );
    expect(linear.data).toEqual(
      expect.objectContaining({
        riskLevel: 'high',
        areaCount: 2,
        areas: 'services/checkout/, libs/payments/stripe/',
      }),
    );
    const jira = machineDataOf('jira', report, HASH);
    expect(jira.data.areas).toEqual([
      { path: 'services/checkout/', score: 0.81 },
      { path: 'libs/payments/stripe/', score: 0.55 },
    ]);
    expect(jira.reportUrl).toBe(report.reportUrl);
  });

  it('says there is no risk level when the ticket matched no code', () => {
    const unmatched = sampleRiskReport({ riskLevel: 'low', confidence: 0, areas: [], lowConfidence: true });
    expect(machineDataOf('linear', unmatched, HASH).subtitle).toBe('No risk level · 0 areas');
    expect(machineDataOf('jira', sampleRiskReport({ confidence: 0 }), HASH).subtitle).toBe(
      'Risk: high · 2 areas',
    );
  });

  it('keeps the Jira property under 32 KB by dropping the reasons first', () => {
    const long = sampleRiskReport({
      riskReasons: Array.from({ length: 400 }, (_, i) => `reason ${i} `.repeat(10)),
    });
    const data = machineDataOf('jira', long, HASH);
    expect(JSON.stringify(data).length).toBeLessThan(32_768);
    expect(data.data.riskReasons).toBeUndefined();
    expect(data.data.riskLevel).toBe('high');
  });

  it('hashes equal data equally, whatever the key order', () => {
    const a = machineDataOf('jira', sampleRiskReport(), HASH);
    const b = { ...a, data: Object.fromEntries(Object.entries(a.data).reverse()) };
    expect(machineDataHash(a)).toBe(machineDataHash(b));
    expect(machineDataHash(a)).not.toBe(
      machineDataHash(machineDataOf('jira', sampleRiskReport({ confidence: 0.5 }), HASH)),
    );
  });
});
