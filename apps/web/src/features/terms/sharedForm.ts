import type { SharedTerms, SharedTermsChanges } from './termsApi';

export interface SharedDraft {
  urgentPer30Days: string;
  showReadTimes: 'shown' | 'hidden';
  firstParentPercent: string;
}

/** Only what differs from the terms in force is proposed. */
export function sharedChanges(
  draft: SharedDraft,
  current: SharedTerms,
): { changes: SharedTermsChanges; problems: Partial<Record<keyof SharedDraft, string>> } {
  const problems: Partial<Record<keyof SharedDraft, string>> = {};
  const changes: SharedTermsChanges = {};
  const urgent = Number(draft.urgentPer30Days);
  if (draft.urgentPer30Days.trim() === '' || !Number.isInteger(urgent) || urgent < 0 || urgent > 10)
    problems.urgentPer30Days = 'Choose a whole number from 0 to 10; 0 turns urgent messages off.';
  else if (urgent !== current.urgentPer30Days) changes.urgentPer30Days = urgent;
  const show = draft.showReadTimes === 'shown';
  if (show !== current.showReadTimes) changes.showReadTimes = show;
  const percent = Number(draft.firstParentPercent);
  const basisPoints = Math.round(percent * 100);
  if (draft.firstParentPercent.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100)
    problems.firstParentPercent = 'Choose a share from 0 to 100 percent.';
  else if (basisPoints !== current.split.firstParentBasisPoints)
    changes.split = { firstParentBasisPoints: basisPoints };
  return { changes, problems };
}
