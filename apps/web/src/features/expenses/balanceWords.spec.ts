import { describe, expect, it } from 'vitest';
import { balanceSentence } from './balanceWords';

const names: Record<string, string> = { a: 'Alex', s: 'Sam' };
const nameOf = (id: string) => names[id] ?? 'the other parent';
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('balanceSentence', () => {
  it('says who owes whom, with the amount in the currency', () => {
    expect(
      balanceSentence([{ currency: 'GBP', fromParentId: 's', toParentId: 'a', amountMinor: 4550 }], nameOf, 'en-GB'),
    ).toBe('Sam owes Alex £45.50.');
  });

  it('names every currency in one sentence, in a fixed order', () => {
    const sentence = balanceSentence(
      [
        { currency: 'GBP', fromParentId: 's', toParentId: 'a', amountMinor: 4550 },
        { currency: 'EUR', fromParentId: 'a', toParentId: 's', amountMinor: 1200 },
        { currency: 'JPY', fromParentId: 'a', toParentId: 's', amountMinor: 3000 },
      ],
      nameOf,
      'en-GB',
    );
    expect(plain(sentence)).toMatch(
      /^Alex owes Sam €12\.00, Sam owes Alex £45\.50,? and Alex owes Sam (JP¥|¥)3,000\.$/,
    );
  });

  it('says plainly when nobody owes anything', () => {
    const even = 'Nobody owes anything: approved expenses and confirmed payments are even.';
    expect(balanceSentence([], nameOf)).toBe(even);
    expect(balanceSentence([{ currency: 'GBP', fromParentId: 's', toParentId: 'a', amountMinor: 0 }], nameOf)).toBe(
      even,
    );
  });
});
