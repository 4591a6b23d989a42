import { MAX_DELAY_MS, nextAttemptAt } from './login-backoff';

describe('sign-in backoff per address and account', () => {
  const last = new Date('2026-11-02T09:00:00Z');
  it.each([
    [0, null],
    [2, null],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [12, 512_000],
    [13, MAX_DELAY_MS],
    [50, MAX_DELAY_MS],
    [5000, MAX_DELAY_MS],
  ])('after %i failures waits %p ms', (failures, delay) => {
    const at = nextAttemptAt(failures, last);
    expect(at === null ? null : at.getTime() - last.getTime()).toBe(delay);
  });
});
