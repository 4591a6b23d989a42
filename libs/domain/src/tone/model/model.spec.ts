import { analyzeDraft } from '../analyze-draft';
import { DraftContext } from '../draft-context';
import { segment } from '../text';
import { extractFeatures, HASH_SIZE } from './features';
import { explainModel, MODEL_KINDS } from './model';
import { TONE_MODEL } from './weights';

describe('learned component: features', () => {
  const features = (text: string): { bucket: number; name?: string }[] => {
    const out: { bucket: number; name?: string }[] = [];
    extractFeatures(text, (bucket, _offset, name) => out.push({ bucket, name }), true);
    return out;
  };

  it.each([
    ['word 1-2-grams and character 3-5-grams', 'you idiot', ['you', 'idiot', 'you idiot', '" yo"', '" you "', '"diot "']],
    ['lower case and curly apostrophes', 'YOU Don\u2019t', ['you', "don't", "you don't"]],
    ['runs of ! and ? as one token', 'Why?! ok!! fine??', ['?!', '!!', '??', 'ok !!']],
    ['an emoji as a token', 'sure \uD83D\uDE44', ['\uD83D\uDE44', 'sure \uD83D\uDE44']],
  ])('%s', (_name, text, expected) => {
    const names = features(text).map((f) => f.name);
    for (const name of expected) expect(names).toContain(name);
  });

  it('breaks bigrams at a line break, and hashes into the table', () => {
    const found = features('hello\nthere');
    expect(found.map((f) => f.name)).not.toContain('hello there');
    for (const { bucket } of found) expect(bucket).toBeGreaterThanOrEqual(0);
    for (const { bucket } of found) expect(bucket).toBeLessThan(HASH_SIZE);
  });

  it('gives the same buckets with and without names (the analyzer never builds strings)', () => {
    const a: number[] = [];
    const b: number[] = [];
    extractFeatures('You NEVER listen!! \uD83D\uDE44 ok', (bucket) => a.push(bucket));
    extractFeatures('You NEVER listen!! \uD83D\uDE44 ok', (bucket) => b.push(bucket), true);
    expect(a).toEqual(b);
  });
});

describe('learned component: model', () => {
  it('ships weights for every kind but length and shouting, plus "needs any nudge"', () => {
    expect(TONE_MODEL.kinds[0]).toBe('nudge');
    expect([...MODEL_KINDS].sort()).toEqual(
      ['blame', 'emotional', 'hoovering', 'hostile', 'jade', 'off_topic', 'personal', 'pressure', 'sarcasm', 'threat'],
    );
  });

  it('explains a message by its probabilities and the n-grams that weigh most', () => {
    const explained = explainModel('You are a useless waste of space and everyone knows it.');
    const hostile = explained.find((entry) => entry.kind === 'hostile');
    expect(hostile?.probability).toBeGreaterThan(0.5);
    expect(hostile?.ngrams.length).toBeGreaterThan(0);
    for (const { weight } of hostile?.ngrams ?? []) expect(weight).toBeGreaterThan(0);
  });

  it('places a model nudge on one whole sentence of the draft', () => {
    const text = 'Pickup is at 5 on Friday. You are a useless waste of space and everyone knows it.';
    for (const nudge of analyzeDraft(text).nudges) {
      expect(nudge.start).toBeGreaterThanOrEqual(0);
      expect(nudge.end).toBeLessThanOrEqual(text.length);
      expect(nudge.end).toBeGreaterThan(nudge.start);
    }
  });

  it.each([
    ['illness', 'Maya has a temperature of 38.9 this morning. Calpol given at 7am. She won\u2019t be at school today.'],
    ['a pet that died', 'Sad news, the cat died last night. The kids were very upset.'],
    ['a firm refusal', 'No, that doesn\u2019t work for me.'],
    ['k', 'k'],
    ['a factual legal mention', 'My solicitor has sent the draft consent order to yours.'],
    ['a calm emergency', 'Call me now please, she has been admitted to the children\u2019s ward.'],
    ['a school fight reported factually', 'There was a fight at school today; Sam has a bruise and the head will call us both.'],
  ])('keeps %s clean, rules and model together', (_name, text) => {
    expect(analyzeDraft(text).nudges).toEqual([]);
  });
});

describe('learned component: kinds in a message nudged already', () => {
  it('asks for less evidence there than elsewhere, never more, and only where a nudge is', () => {
    const { thresholds, nudgedThresholds } = TONE_MODEL as { thresholds: readonly number[]; nudgedThresholds?: readonly number[] };
    (nudgedThresholds ?? []).forEach((value, k) => {
      if (k > 0 && value <= 1) expect(value).toBeLessThan(thresholds[k] as number);
    });
    for (const text of ['No, that doesn\u2019t work for me.', 'Pickup at 5 on Friday please.', 'Noted, thanks.']) {
      expect(analyzeDraft(text).nudges).toEqual([]);
    }
  });
});

describe('guards: a death', () => {
  const bereaved = (text: string): boolean => new DraftContext(segment(text)).isBereavement(0);
  it.each([
    ['Grandad passed away last night.', true],
    ['Our old cat passed on Sunday.', true],
    ['It will be passed to my solicitor.', false],
    ['She passed the test.', false],
  ])('%s -> %s', (text, expected) => {
    expect(bereaved(text)).toBe(expected);
  });
});
