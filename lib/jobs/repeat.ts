/**
 * A worker's periodic work (claiming due feeds, evaluating watches): run now, then `intervalMs` after each
 * run ends, so two runs of one worker never overlap however long one takes. A failed run is logged and the
 * next one comes as usual: the work is rows in the database, so a later run picks up what this one left.
 */
export type Repeating = { stop: () => Promise<void> };

export function repeat(tick: () => Promise<unknown>, intervalMs: number, onError: (error: Error) => void): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = tick().then(
      () => {},
      (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(run, intervalMs);
    });
  };
  run();
  return {
    // Waits for a run in progress, so nothing is queued after the job queue closes.
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
