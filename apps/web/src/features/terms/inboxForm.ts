import {
  INBOX_DAILY_QUOTA_MIN,
  INBOX_WINDOWS_PER_WEEK_MIN,
  TERMS_DAILY_QUOTA_MAX,
  TERMS_WINDOWS_MAX,
} from '@parallel/domain';
import type { InboxTerms } from './termsApi';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export { INBOX_DAILY_QUOTA_MIN, INBOX_WINDOWS_PER_WEEK_MIN, TERMS_DAILY_QUOTA_MAX, TERMS_WINDOWS_MAX };

/** The form as typed: text values, rows in the order the parent put them. */
export interface InboxDraft {
  mode: 'immediate' | 'windows';
  windows: { key: number; weekday: string; time: string }[];
  dailyQuota: string;
}

export interface InboxDraftProblems {
  windows?: string;
  dailyQuota?: string;
}

export type InboxDraftCheck = { ok: true; terms: InboxTerms } | { ok: false; problems: InboxDraftProblems };

let nextKey = 1;
export function newWindowRow(weekday = '1', time = '18:00'): InboxDraft['windows'][number] {
  return { key: nextKey++, weekday, time };
}

export function draftFrom(terms: InboxTerms): InboxDraft {
  return {
    mode: terms.cadence.mode,
    windows:
      terms.cadence.mode === 'windows'
        ? terms.cadence.windows.map((window) => newWindowRow(String(window.weekday), window.time))
        : [newWindowRow('1', '18:00'), newWindowRow('4', '18:00')],
    dailyQuota: String(terms.dailyQuota),
  };
}

/**
 * The floors that keep the channel open, said before the parent saves (the same numbers
 * the API enforces, from @parallel/domain).
 */
export const FLOORS_IN_WORDS =
  `Your inbox's terms can be as strict as you need, within floors that keep the channel open for the children's matters: ` +
  `at least ${INBOX_WINDOWS_PER_WEEK_MIN} delivery times a week, and at least ${INBOX_DAILY_QUOTA_MIN} messages a day. ` +
  `Urgent messages still arrive at once, within the allowance you both agreed.`;

/** Checks the draft the way the API will, and says every problem in plain words at once. */
export function checkInboxDraft(draft: InboxDraft): InboxDraftCheck {
  const problems: InboxDraftProblems = {};
  const quotaText = draft.dailyQuota.trim();
  const quota = Number(quotaText);
  if (quotaText === '' || !Number.isInteger(quota) || quota < INBOX_DAILY_QUOTA_MIN || quota > TERMS_DAILY_QUOTA_MAX) {
    problems.dailyQuota = `Choose a whole number from ${INBOX_DAILY_QUOTA_MIN} to ${TERMS_DAILY_QUOTA_MAX}. At least ${INBOX_DAILY_QUOTA_MIN} a day keeps the channel open.`;
  }
  const windows: { weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7; time: string }[] = [];
  if (draft.mode === 'windows') {
    const seen = new Set<string>();
    for (const row of draft.windows) {
      const weekday = Number(row.weekday);
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(row.time)) {
        problems.windows = 'Please give a time for each delivery, as hours and minutes, for example 18:00.';
        continue;
      }
      const key = `${weekday} ${row.time}`;
      if (seen.has(key)) {
        problems.windows ??= `${WEEKDAY_NAMES[weekday - 1] ?? 'A day'} at ${row.time} is listed twice. Remove one of them.`;
        continue;
      }
      seen.add(key);
      windows.push({ weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, time: row.time });
    }
    if (!problems.windows && windows.length < INBOX_WINDOWS_PER_WEEK_MIN) {
      problems.windows = `Choose at least ${INBOX_WINDOWS_PER_WEEK_MIN} delivery times a week, so that the children's matters still get through.`;
    }
    if (!problems.windows && windows.length > TERMS_WINDOWS_MAX) {
      problems.windows = `Choose at most ${TERMS_WINDOWS_MAX} delivery times a week.`;
    }
  }
  if (problems.windows || problems.dailyQuota) return { ok: false, problems };
  windows.sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
  return {
    ok: true,
    terms: {
      cadence: draft.mode === 'immediate' ? { mode: 'immediate' } : { mode: 'windows', windows },
      dailyQuota: quota,
    },
  };
}
