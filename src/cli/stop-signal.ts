/**
 * How the long-running commands (`build --watch`, `preview`) end: Ctrl-C (SIGINT) or SIGTERM
 * stops them cleanly — `close` finishes what is open, `farewell` says goodbye — and the command
 * then ends with exit status 0. A second signal while closing is ignored.
 */
import { EXIT } from './exit.js';

export interface StopSignal {
  /** Settles with the exit status once a signal has stopped the command. */
  done: Promise<number>;
  /** True once a signal came. */
  readonly stopping: boolean;
  /** Stop listening for signals (the command ends some other way). */
  release(): void;
}

export function stopOnSignal(close: () => Promise<unknown>, farewell: () => void): StopSignal {
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => { finish = resolve; });
  let stopping = false;
  const release = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  function stop(): void {
    if (stopping) return;
    stopping = true;
    release();
    void close().then(() => {
      farewell();
      finish(EXIT.ok);
    });
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { done, get stopping() { return stopping; }, release };
}
