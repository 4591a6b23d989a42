import { describe, expect, it } from 'vitest';
import { caseDetail } from '../../test/fixtures';
import { termsInWords } from './termsInWords';

describe('termsInWords', () => {
  it('says each shared term of a case in plain words, naming who pays which share', () => {
    const item = caseDetail();
    expect(termsInWords(item.terms, item.parents)).toEqual([
      { term: 'Urgent messages', words: 'At most 2 from each parent in any 30 days, delivered at once' },
      { term: 'Read times', words: 'The sender does not see when a message was opened' },
      { term: 'Shared expenses', words: 'Alex pays 60%, Sam pays 40%' },
    ]);
  });

  it('speaks of the other parent before they join, and of urgent messages turned off', () => {
    const item = caseDetail({
      parents: [{ userId: 'u1', displayName: 'Alex', role: 'parent', joinedAt: '2026-03-01T08:00:00.000Z' }],
    });
    const terms = termsInWords({ ...item.terms, urgentPer30Days: 0 }, item.parents);
    expect(terms?.map((term) => term.words)).toEqual([
      'Turned off',
      'The sender does not see when a message was opened',
      'Alex pays 60%, the other parent pays 40%',
    ]);
  });

  it('shows nothing rather than something wrong when the terms arrive in another shape', () => {
    expect(termsInWords(undefined, [])).toBeNull();
    expect(termsInWords({ inboxes: [] }, [])).toBeNull();
  });
});
