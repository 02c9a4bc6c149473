export type AnalysisPhase = 'history' | 'files' | 'figures';

/** Progress of one phase; `total` is known for history (commits) and files once they are listed. */
export interface AnalysisProgress {
  phase: AnalysisPhase;
  done: number;
  total: number;
}

export type ProgressListener = (progress: AnalysisProgress) => void;

/** Limits progress events to a few per second: listeners draw on terminals. */
export function throttledProgress(
  listener: ProgressListener | undefined,
  intervalMs = 100,
): ProgressListener {
  let last = 0;
  return (progress) => {
    if (!listener) return;
    const now = Date.now();
    if (progress.done === progress.total || now - last >= intervalMs) {
      last = now;
      listener(progress);
    }
  };
}
