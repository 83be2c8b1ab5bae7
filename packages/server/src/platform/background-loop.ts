/**
 * A job every app process runs in a loop (deadline sweep, mail sender, publishers): one pass, then a pause,
 * then the next pass; never two passes of the same loop at once in a process. Passes must be safe to run in
 * several processes at the same time (each job claims its rows with FOR UPDATE SKIP LOCKED). `stop()` waits
 * for the pass under way, so a shutdown never cuts a transaction short.
 */
export interface BackgroundLoop {
  stop(): Promise<void>;
}

export function startBackgroundLoop(pass: () => Promise<unknown>, intervalMs: number, onError: (e: unknown) => void, firstDelayMs = Math.min(intervalMs, 2000)): BackgroundLoop {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const tick = () => {
    if (stopped) return;
    running = pass()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, firstDelayMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
