import { sampleRiskReport } from '@sightline/testing';
import { JIRA_FEEDBACK_LABEL, LINEAR_FEEDBACK_LABEL, type Ticket } from '@sightline/trackers';
import {
  describeLabelFeedback,
  planLabelFeedback,
  resolveReportedArea,
  withoutFeedbackLabel,
} from './feedback-label';

const one = [{ repositoryId: 'r-shop', repositoryName: 'shop' }];
const two = [
  { repositoryId: 'r-web', repositoryName: 'web' },
  { repositoryId: 'r-web-api', repositoryName: 'web-api' },
];

function report(areas: string[], snapshots: Record<string, unknown>[] = one) {
  const sample = sampleRiskReport();
  return { noteReport: { ...sample, areas: areas.map((path) => ({ ...sample.areas[0], path })) }, snapshots };
}

const jira = (labels: string[]) => ({ tracker: 'jira' as const, labels });

describe('planLabelFeedback', () => {
  it('asks for nothing but forgetting an earlier application when the ticket carries no label', () => {
    expect(
      planLabelFeedback({ ticket: jira(['ux']), report: report(['a/']), mode: 'comment+label' }),
    ).toEqual({
      action: 'release',
    });
    // The other tracker's spelling is not the label on this tracker.
    expect(
      planLabelFeedback({ ticket: jira([LINEAR_FEEDBACK_LABEL]), report: report(['a/']), mode: 'comment' }),
    ).toEqual({ action: 'release' });
  });

  it('marks the area the note leads with, and takes the label off unless the mapping is dry-run', () => {
    const labelled = jira(['ux', JIRA_FEEDBACK_LABEL]);
    const plan = planLabelFeedback({
      ticket: labelled,
      report: report(['services/checkout/', 'libs/payments/']),
      mode: 'comment+label',
    });
    expect(plan).toEqual({
      action: 'record',
      target: { area: 'services/checkout/', repositoryId: 'r-shop', path: 'services/checkout/' },
      nothingBecause: null,
      removeLabel: true,
    });
    expect(planLabelFeedback({ ticket: labelled, report: report(['a/']), mode: 'comment' })).toMatchObject({
      removeLabel: true,
    });
    expect(planLabelFeedback({ ticket: labelled, report: report(['a/']), mode: 'dry-run' })).toMatchObject({
      action: 'record',
      removeLabel: false,
    });
    expect(
      planLabelFeedback({
        ticket: { tracker: 'linear', labels: [LINEAR_FEEDBACK_LABEL] },
        report: report(['a/']),
        mode: 'comment+label',
      }),
    ).toMatchObject({ target: { path: 'a/' } });
  });

  it('with several repositories marks only the first area of the note, in its own repository', () => {
    const plan = planLabelFeedback({
      ticket: jira([JIRA_FEEDBACK_LABEL]),
      report: report(['web-api:src/orders/', 'web:src/orders/'], two),
      mode: 'comment+label',
    });
    expect(plan).toMatchObject({
      target: { area: 'web-api:src/orders/', repositoryId: 'r-web-api', path: 'src/orders/' },
    });
  });

  it('still consumes the label when there is nothing to mark, and says why', () => {
    const labelled = jira([JIRA_FEEDBACK_LABEL]);
    const cases = [
      { report: null, because: /no report yet/ },
      { report: report([]), because: /named no area/ },
      { report: { noteReport: { nonsense: true }, snapshots: one }, because: /could not be read/ },
      { report: report(['mobile:src/'], two), because: /names no repository/ },
    ];
    for (const { report: stored, because } of cases) {
      const plan = planLabelFeedback({ ticket: labelled, report: stored, mode: 'comment+label' });
      expect(plan).toMatchObject({ action: 'record', target: null, removeLabel: true });
      expect(plan.action === 'record' && plan.nothingBecause).toMatch(because);
    }
  });
});

describe('resolveReportedArea', () => {
  it('takes the plain path with one repository and the longest repository name with several', () => {
    expect(resolveReportedArea(one, 'web:src/')).toEqual({ repositoryId: 'r-shop', path: 'web:src/' });
    expect(resolveReportedArea(two, 'web-api:src/a.ts')).toEqual({
      repositoryId: 'r-web-api',
      path: 'src/a.ts',
    });
    expect(resolveReportedArea(two, 'web:src/a.ts')).toEqual({ repositoryId: 'r-web', path: 'src/a.ts' });
    expect(resolveReportedArea(two, 'src/a.ts')).toBeNull();
    expect(resolveReportedArea(two, 'web:')).toBeNull();
  });
});

describe('withoutFeedbackLabel / describeLabelFeedback', () => {
  it('hides the label from matching and words what happened', () => {
    const ticket = { tracker: 'jira', labels: ['ux', JIRA_FEEDBACK_LABEL] } as Ticket;
    expect(withoutFeedbackLabel(ticket).labels).toEqual(['ux']);
    const unlabelled = { tracker: 'jira', labels: ['ux'] } as Ticket;
    expect(withoutFeedbackLabel(unlabelled)).toBe(unlabelled);
    const plan = planLabelFeedback({
      ticket: jira([JIRA_FEEDBACK_LABEL]),
      report: report(['a/']),
      mode: 'comment+label',
    });
    if (plan.action !== 'record') throw new Error('expected a record plan');
    expect(describeLabelFeedback(plan, true)).toBe('feedback label: a/ marked wrong');
    expect(describeLabelFeedback(plan, false)).toBe('feedback label already recorded');
    expect(describeLabelFeedback({ ...plan, target: null, nothingBecause: 'x' }, true)).toBe(
      'feedback label: nothing marked (x)',
    );
  });
});
