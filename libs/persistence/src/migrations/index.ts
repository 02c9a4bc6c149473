import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { AnalysisRunsAndSnapshots1764500000000 } from './1764500000000-analysis-runs-and-snapshots';
import { SnapshotCorpus1764600000000 } from './1764600000000-snapshot-corpus';
import { Enrichment1764700000000 } from './1764700000000-enrichment';
import { GroomingSweeps1764800000000 } from './1764800000000-grooming-sweeps';
import { FeedbackLabels1795987484482 } from './1795987484482-feedback-labels';
import { PastTicketLifecycles1795987567869 } from './1795987567869-past-ticket-lifecycles';
import { ReportLinkKeys1796200000000 } from './1796200000000-report-link-keys';
import { ReportLinkRenewal1796300000000 } from './1796300000000-report-link-renewal';
import { ReportPhaseTimes1796400000000 } from './1796400000000-report-phase-times';
import { RepositoryRemoteDefault1796500000000 } from './1796500000000-repository-remote-default';

/** Every migration, oldest first. A new migration is appended here. */
export const migrations = [
  InitialSchema1764400000000,
  AnalysisRunsAndSnapshots1764500000000,
  SnapshotCorpus1764600000000,
  Enrichment1764700000000,
  GroomingSweeps1764800000000,
  FeedbackLabels1795987484482,
  PastTicketLifecycles1795987567869,
  ReportLinkKeys1796200000000,
  ReportLinkRenewal1796300000000,
  ReportPhaseTimes1796400000000,
  RepositoryRemoteDefault1796500000000,
];
