import type { Nudge } from '@parallel/domain';
import { describe, expect, it } from 'vitest';
import { highlightSegments, quotedWords, suggestionLabel } from './highlights';

const nudge = (kind: Nudge['kind'], start: number, end: number): Nudge => ({ kind, message: '', start, end });

describe('highlightSegments', () => {
  it('cuts the text into plain and flagged runs that join back into the text', () => {
    const text = 'You idiot. Pick-up at 5. NOT okay!!';
    const segments = highlightSegments(text, [
      nudge('hostile', 4, 9),
      nudge('shouting', 25, 28),
      nudge('shouting', 33, 35),
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => s.text)).toEqual(['idiot', 'NOT', '!!']);
  });

  it('merges overlapping nudges and does not colour a whole long message', () => {
    const text = 'abcdefghij';
    expect(highlightSegments(text, [nudge('length', 0, 10), nudge('blame', 2, 6), nudge('hostile', 4, 8)])).toEqual([
      { text: 'ab', kind: null },
      { text: 'cdefgh', kind: 'blame' },
      { text: 'ij', kind: null },
    ]);
  });
});

describe('words for the list', () => {
  it('shortens long quotes in the middle and names what a suggestion does', () => {
    const text = `I told you ${'again and '.repeat(20)}again`;
    expect(quotedWords(text, nudge('jade', 0, text.length), 30)).toMatch(
      /^I told you ag… … again and again$|^.{13} … .{13}$/,
    );
    expect(suggestionLabel({ text: '' })).toBe('Leave this sentence out');
    expect(suggestionLabel({ text: 'Pick-up is at 5.' })).toBe('Use “Pick-up is at 5.”');
  });
});
