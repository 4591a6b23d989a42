import { describe, expect, it } from 'vitest';
import { findFacts } from './facts';
import { splitSentences } from './sentences';

const factsOf = (text: string) => findFacts(text).map((fact) => [fact.kind, fact.text]);

describe('findFacts', () => {
  it.each([
    [
      'Pick-up at 17:30 on Friday.',
      [
        ['time', '17:30'],
        ['date', 'on Friday'],
      ],
    ],
    [
      'Drop-off 6.30pm at the school gate.',
      [
        ['time', '6.30pm'],
        ['place', 'at the school gate'],
      ],
    ],
    [
      'Be there by 7 am tomorrow.',
      [
        ['time', '7 am'],
        ['date', 'tomorrow'],
      ],
    ],
    [
      'The trip is on 14 May and costs £120.50.',
      [
        ['date', '14 May'],
        ['amount', '£120.50'],
      ],
    ],
    [
      'Copay is $25 on 10/14.',
      [
        ['amount', '$25'],
        ['date', '10/14'],
      ],
    ],
    [
      'Meet outside Hillside Primary at noon.',
      [
        ['place', 'Hillside Primary'],
        ['time', 'noon'],
      ],
    ],
    [
      'Party at 12 Elm Street, May 3rd, 40 euros for the gift.',
      [
        ['place', 'Elm Street'],
        ['date', 'May 3rd'],
        ['amount', '40 euros'],
      ],
    ],
    ['Hearing is 2026-06-01.', [['date', '2026-06-01']]],
  ])('%s', (text, expected) => {
    expect(factsOf(text)).toEqual(expected);
  });

  it('leaves everyday words that look like dates alone, and a decimal that is not a time', () => {
    expect(factsOf('She sat with me. You may want to bring the sun cream. Fever 39.5.')).toEqual([]);
  });

  it('gives the places in the text where each fact is', () => {
    const text = 'See you at 18:00.';
    const [fact] = findFacts(text);
    expect(text.slice(fact!.start, fact!.end)).toBe('18:00');
  });
});

describe('splitSentences', () => {
  it('cuts after sentence marks and at line breaks, not inside numbers', () => {
    expect(splitSentences('Fever 39.5 at 6.30. You idiot!! Call me?\nThanks').map((s) => s.text)).toEqual([
      'Fever 39.5 at 6.30.',
      'You idiot!!',
      'Call me?',
      'Thanks',
    ]);
  });
});
