import { normalizeWord, pieceBoundaries, segment, type SegmentedText } from './text';

describe('normalizeWord', () => {
  it.each([
    ["You're", ['you', 'are']],
    ['you\u2019re', ['you', 'are']],
    ['dont', ['do', 'not']],
    ["won't", ['will', 'not']],
    ['ur', ['your']],
    ['behaviour', ['behavior']],
    ['Mum', ['mom']],
    ['sooooo', ['so']],
    ["mum's", ['mom']],
    ["it's", ['it', 'is']],
    ['ill', ['ill']],
  ])('%s -> %j', (raw, expected) => {
    expect(normalizeWord(raw)).toEqual(expected);
  });
});

describe('segment', () => {
  it('splits sentences, clauses and quotations, with offsets into the text', () => {
    const text = 'Mrs. Khan said "no more phones." Pickup at 3:15, gate B!';
    const { sentences, tokens } = segment(text);
    expect(sentences.map((span) => text.slice(span.start, span.end))).toEqual([
      'Mrs. Khan said "no more phones."',
      'Pickup at 3:15, gate B!',
    ]);
    expect(tokens.filter((token) => token.quoted).map((token) => token.norm)).toEqual(['no', 'more', 'phones']);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toContain('3:15');
  });

  it('counts words and paragraphs, and finds runs of !!! and ?!', () => {
    const segmented = segment('One two.\n\nThree?!\n\nFour!!!');
    expect(segmented.wordCount).toBe(4);
    expect(segmented.paragraphCount).toBe(3);
    expect(segmented.loudPunctuation).toHaveLength(2);
  });
});

describe('pieceBoundaries', () => {
  const merged = (line: string, cuts: number[]): string[] => {
    const rows: string[] = [];
    let start = 0;
    let sentenceBase = 0;
    for (const cut of [...cuts, line.length]) {
      const piece: SegmentedText = segment(line.slice(start, cut));
      for (const token of piece.tokens) {
        rows.push(`${token.norm}@${token.start + start}/${token.sentence + sentenceBase}/${token.quoted}`);
      }
      sentenceBase += piece.sentences.length;
      start = cut;
    }
    return rows;
  };
  const whole = (line: string): string[] =>
    segment(line).tokens.map((token) => `${token.norm}@${token.start}/${token.sentence}/${token.quoted}`);

  it('cuts a long line where segmenting the pieces reads exactly like the whole line', () => {
    const sentences = [
      'Pickup is at 5pm on Friday.',
      'Mrs. Khan says the trip is off.',
      'He said "You never listen. I hate this." and went to bed.',
      "She's fine, it's just a cold!",
      "Your 'help' was noted... Really?",
      'See you then.',
    ];
    const line = Array.from({ length: 30 }, (_, index) => sentences[index % sentences.length]).join(' ');
    const cuts = pieceBoundaries(line, 80);
    expect(cuts.length).toBeGreaterThan(5);
    expect(merged(line, cuts)).toEqual(whole(line));
  });

  it('never cuts inside a quotation or after an abbreviation', () => {
    const line = 'He said "Stop. Now. Please." Then Mrs. Khan rang. Dr. Patel too.';
    for (const cut of pieceBoundaries(line, 1)) {
      expect(line.slice(0, cut).match(/"/g)?.length ?? 0).not.toBe(1);
      expect(line.slice(cut - 4, cut)).not.toMatch(/Mrs\.|Dr\./);
    }
  });
});
