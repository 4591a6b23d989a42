const MINUTE = 60 * 1000;

/** Wrong guesses from one network address at one account that cost nothing: typos. */
export const FREE_FAILURES = 3;
/** The wait after the first costly failure; it doubles with each further one. */
export const FIRST_DELAY_MS = 1000;
/** The longest wait: a guesser gets at most 4 tries an hour, the owner elsewhere is never slowed. */
export const MAX_DELAY_MS = 15 * MINUTE;
/** Failures older than this are forgotten: a day's quiet starts the pair afresh. */
export const PAIR_MEMORY_MS = 24 * 60 * MINUTE;
/** Across all accounts, from one address: generous, as many people may share an address. */
export const FAILURES_PER_ADDRESS = 100;
export const ADDRESS_WINDOW_MS = 60 * MINUTE;

/**
 * When the next sign-in attempt from one network address at one account is allowed,
 * after `failures` wrong guesses since that pair's last success (the last at `lastFailureAt`);
 * null when now. Exponential: free for 3, then 1 s, 2 s, 4 s ... up to 15 minutes.
 * Keyed by the pair, so a stranger's guesses slow the stranger, never the owner elsewhere.
 */
export function nextAttemptAt(failures: number, lastFailureAt: Date | null): Date | null {
  if (failures < FREE_FAILURES || !lastFailureAt) return null;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES, 30), MAX_DELAY_MS);
  return new Date(lastFailureAt.getTime() + delay);
}
