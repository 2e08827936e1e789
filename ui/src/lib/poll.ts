// Every place that keeps asking the backend does it through here, so that each waits for one
// answer before it asks again, never draws an answer a newer request overtook, and goes quiet
// when it leaves the screen.

export interface PollOptions<T> {
  /** Asks the backend once. Failures are answers too (an `Outcome`): it never rejects. */
  load: () => Promise<T>;
  /** Takes in an answer that is still the newest; overtaken and late answers never reach it. */
  take: (answer: T) => void;
  /**
   * How long to wait after this answer before asking again, in ms; `'back-off'` for a failure
   * to retry along `backoff`; `null` to ask again only when told to.
   */
  next: (answer: T) => number | 'back-off' | null;
  /**
   * The waits before each retry, growing with the failures in a row; the last one repeats, and
   * with none a failure waits until told. Read at each failure, so that steps learnt after the
   * poller was made count.
   */
  backoff?: () => readonly number[];
}

export interface Poller {
  /**
   * Asks at once, in place of the run that was due; the answer to any request still in flight
   * is ignored. Resolves once this answer is taken in, or was overtaken.
   */
  now(): Promise<void>;
  /** Asks after `ms`, in place of the run that was due. */
  later(ms: number): void;
  /** Cancels the run that was due; an answer in flight still comes in and says what follows. */
  pause(): void;
  /** For good: cancels the run that was due and ignores any answer in flight. */
  stop(): void;
}

export function createPoller<T>({ load, take, next, backoff = () => [] }: PollOptions<T>): Poller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let newestRequest = 0;
  let failuresInARow = 0;
  let stopped = false;

  function schedule(wait: number | undefined) {
    clearTimeout(timer);
    timer = wait === undefined ? undefined : setTimeout(() => void now(), wait);
  }

  async function now() {
    if (stopped) return;
    schedule(undefined);
    const request = ++newestRequest;
    const answer = await load();
    if (stopped || request !== newestRequest) return;
    take(answer);
    const wait = next(answer);
    if (wait === 'back-off') {
      failuresInARow += 1;
      const steps = backoff();
      schedule(steps[Math.min(failuresInARow, steps.length) - 1]);
    } else {
      failuresInARow = 0;
      schedule(wait ?? undefined);
    }
  }

  return {
    now,
    later(ms) {
      if (!stopped) schedule(ms);
    },
    pause() {
      schedule(undefined);
    },
    stop() {
      stopped = true;
      schedule(undefined);
    },
  };
}
