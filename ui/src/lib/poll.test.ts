// The one polling helper: when it asks again, how it backs off, which answer it takes in, and
// that it goes quiet once stopped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller, type PollOptions } from './poll';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** An answer that comes when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

type Answer = { wait: number | 'back-off' | null; label: string };

/** A poller whose answers say how long to wait; every answer taken in is recorded. */
function pollerOf(answers: () => Promise<Answer>, options: Partial<PollOptions<Answer>> = {}) {
  const taken: string[] = [];
  const load = vi.fn(answers);
  const poller = createPoller<Answer>({
    load,
    take: (answer) => taken.push(answer.label),
    next: (answer) => answer.wait,
    ...options,
  });
  return { poller, load, taken };
}

describe('createPoller', () => {
  it('asks again after the wait the answer calls for, and not before', async () => {
    const waits: Answer['wait'][] = [2000, 2000, 30000, null];
    let asked = 0;
    const { poller, load, taken } = pollerOf(async () => {
      const wait = waits[asked];
      asked += 1;
      return { wait, label: `answer ${asked}` };
    });

    await poller.now();
    expect(load).toHaveBeenCalledTimes(1);
    expect(taken).toEqual(['answer 1']);

    await vi.advanceTimersByTimeAsync(1999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);

    await vi.advanceTimersByTimeAsync(2000);
    expect(load).toHaveBeenCalledTimes(3);

    // Calm now: thirty seconds until the next ask.
    await vi.advanceTimersByTimeAsync(29_999);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(4);
    expect(taken).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4']);

    // `null`: asked again only when told to.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(4);
    await poller.now();
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('waits for an answer before it counts down to the next ask', async () => {
    let answer = deferred<Answer>();
    const { poller, load } = pollerOf(() => answer.promise);

    void poller.now();
    await vi.advanceTimersByTimeAsync(5000);
    answer.resolve({ wait: 1000, label: 'slow' });
    answer = deferred<Answer>();
    await vi.advanceTimersByTimeAsync(999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('backs off along the steps with the failures in a row, repeats the last, and starts over after a success', async () => {
    let failing = true;
    const { poller, load } = pollerOf(async () => ({ wait: failing ? 'back-off' : 10_000, label: '' }), {
      backoff: () => [3000, 6000, 12000],
    });
    /** Advances to just before `wait` runs out, then onto it, and says whether it asked only then. */
    async function askedAfter(wait: number): Promise<boolean> {
      const before = load.mock.calls.length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      const early = load.mock.calls.length !== before;
      await vi.advanceTimersByTimeAsync(1);
      return !early && load.mock.calls.length === before + 1;
    }

    await poller.now();
    expect(await askedAfter(3000)).toBe(true);
    expect(await askedAfter(6000)).toBe(true);
    expect(await askedAfter(12000)).toBe(true);
    expect(await askedAfter(12000)).toBe(true);

    failing = false;
    expect(await askedAfter(12000)).toBe(true);
    expect(await askedAfter(10_000)).toBe(true);

    // Failing anew: the first step again.
    failing = true;
    expect(await askedAfter(10_000)).toBe(true);
    expect(await askedAfter(3000)).toBe(true);
    expect(await askedAfter(6000)).toBe(true);
  });

  it('reads the steps at each failure, so that steps learnt later count', async () => {
    let steps: number[] = [];
    const { poller, load } = pollerOf(async () => ({ wait: 'back-off', label: '' }), { backoff: () => steps });

    // No steps known: a failure waits until told.
    await poller.now();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(1);

    // The second failure in a row: the second step.
    steps = [500, 700];
    await poller.now();
    await vi.advanceTimersByTimeAsync(699);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('takes in only the newest answer when an older request is still in flight', async () => {
    const answers = [deferred<Answer>(), deferred<Answer>()];
    let asked = 0;
    const { poller, load, taken } = pollerOf(() => answers[asked++].promise);

    const older = poller.now();
    const newer = poller.now();
    expect(load).toHaveBeenCalledTimes(2);
    answers[1].resolve({ wait: 5000, label: 'newer' });
    await newer;
    answers[0].resolve({ wait: 100, label: 'older' });
    await older;
    expect(taken).toEqual(['newer']);

    // The overtaken answer schedules nothing either: the next ask follows the newer one's wait.
    await vi.advanceTimersByTimeAsync(4999);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks at once in place of the ask that was due', async () => {
    const { poller, load } = pollerOf(async () => ({ wait: 10_000, label: '' }));
    await poller.now();
    await vi.advanceTimersByTimeAsync(6000);

    // Asked by hand, answered slowly: the ask that was due at 10 s does not come in between.
    const slow = deferred<Answer>();
    load.mockImplementationOnce(() => slow.promise);
    void poller.now();
    await vi.advanceTimersByTimeAsync(4000);
    expect(load).toHaveBeenCalledTimes(2);

    slow.resolve({ wait: 10_000, label: '' });
    await vi.advanceTimersByTimeAsync(9999);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('asks after a given wait when told to ask later', async () => {
    const { poller, load } = pollerOf(async () => ({ wait: null, label: '' }));

    poller.later(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('on pause cancels the ask that was due, yet takes in the answer in flight', async () => {
    const answer = deferred<Answer>();
    const { poller, load, taken } = pollerOf(async () => ({ wait: 1000, label: 'timed' }));

    await poller.now();
    poller.pause();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);

    load.mockImplementationOnce(() => answer.promise);
    const inFlight = poller.now();
    poller.pause();
    answer.resolve({ wait: null, label: 'in flight' });
    await inFlight;
    expect(taken).toEqual(['timed', 'in flight']);
  });

  it('on stop cancels the ask that was due, ignores a late answer and asks no more', async () => {
    const { poller, load, taken } = pollerOf(async () => ({ wait: 1000, label: 'first' }));
    await poller.now();
    poller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);

    const late = deferred<Answer>();
    const { poller: second, load: secondLoad, taken: secondTaken } = pollerOf(() => late.promise);
    const inFlight = second.now();
    second.stop();
    late.resolve({ wait: 1000, label: 'late' });
    await inFlight;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(secondTaken).toEqual([]);
    expect(secondLoad).toHaveBeenCalledTimes(1);

    // Stopped is for good: neither now nor later asks again.
    await poller.now();
    poller.later(10);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(taken).toEqual(['first']);
  });
});
