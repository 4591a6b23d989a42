/**
 * The learned component at run time: one logistic regression per kind (and one for "needs any
 * nudge") over the hashed features of features.ts, with the int8 weights that
 * `npm run tone:train` wrote to weights.ts. A message's score for a kind is
 * `bias + scale * (sum of the weights of its features) / sqrt(number of features)`, so it
 * adds up over the pieces of a draft: each piece keeps its sums per sentence (for the span
 * of a nudge: the sentence that weighs most) and the analyzer adds them up.
 */
import type { NudgeKind } from '../types';
import { extractFeatures, HASH_SIZE } from './features';
import { TONE_MODEL } from './weights';

/** A packed model as weights.ts holds it (tools/tone-train `packModel`). */
export interface PackedToneModel {
  readonly kinds: readonly string[];
  readonly rows: number;
  readonly scales: readonly number[];
  readonly biases: readonly number[];
  readonly threshold: number;
  /** Per output (index 0 unused), the probability at or over which the kind nudges. */
  readonly thresholds?: readonly number[];
  /**
   * Per output (index 0 unused), the probability at or over which the kind nudges in a message
   * that already has a nudge (from the rules, or a kind over its own threshold): there a further
   * kind costs no false nudge, only a wrong kind, so it may be named on less evidence.
   */
  readonly nudgedThresholds?: readonly number[];
  readonly nudgeThreshold: number;
  readonly buckets: string;
  readonly weights: string;
}

/** The model's outputs: index 0 is "needs any nudge", then one per kind. */
export const MODEL_KINDS = TONE_MODEL.kinds.slice(1) as readonly string[] as readonly NudgeKind[];
export const MODEL_OUTPUTS = TONE_MODEL.kinds.length;

let active: PackedToneModel = TONE_MODEL;

/**
 * Swaps the model the analyzer uses (undefined: the shipped one). For tools/tone-train only,
 * which scores rules + a model retrained per fold; the product never calls it. The caller
 * must also clear the analyzer's line cache (`resetToneCaches` in analyze-draft.ts).
 */
export function useToneModel(packed?: PackedToneModel): void {
  const next = packed ?? TONE_MODEL;
  if (next.kinds.join() !== TONE_MODEL.kinds.join()) throw new Error('useToneModel: kinds differ from the shipped model');
  active = next;
  decoded = undefined;
}

function thresholdOf(k: number): number {
  return (active.thresholds?.[k]) ?? active.threshold;
}

function nudgedThresholdOf(k: number): number {
  return Math.min(active.nudgedThresholds?.[k] ?? 1.01, thresholdOf(k));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function fromBase64(text: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < BASE64.length; i++) lookup[BASE64.charCodeAt(i)] = i;
  let length = (text.length / 4) * 3;
  if (text.endsWith('==')) length -= 2;
  else if (text.endsWith('=')) length -= 1;
  const bytes = new Uint8Array(length);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((lookup[text.charCodeAt(i)] as number) << 18) |
      ((lookup[text.charCodeAt(i + 1)] as number) << 12) |
      ((lookup[text.charCodeAt(i + 2)] as number) << 6) |
      (lookup[text.charCodeAt(i + 3)] as number);
    if (out < length) bytes[out++] = (n >> 16) & 255;
    if (out < length) bytes[out++] = (n >> 8) & 255;
    if (out < length) bytes[out++] = n & 255;
  }
  return bytes;
}

let decoded: Decoded | undefined;

interface Decoded {
  /** Row + 1 of each hash bucket that has a weight, 0 for none. */
  readonly rowOf: Int32Array;
  /** Int8 weights, row-major: MODEL_OUTPUTS per row. */
  readonly weights: Int8Array;
}


/** Decodes the weights on first use (a few milliseconds, once per process). */
function model(): Decoded {
  if (decoded) return decoded;
  const rowOf = new Int32Array(HASH_SIZE);
  const deltas = fromBase64(active.buckets);
  let bucket = 0;
  let row = 0;
  for (let i = 0; i < deltas.length; ) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = deltas[i++] as number;
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += delta;
    rowOf[bucket] = ++row;
  }
  const bytes = fromBase64(active.weights);
  decoded = { rowOf, weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  return decoded;
}

/** What one piece of a draft contributes: its feature count and its weight sums per sentence and output. */
export interface PieceScores {
  readonly features: number;
  /** `sentenceCount * MODEL_OUTPUTS` sums of int8 weights, sentence-major. */
  readonly sums: Int32Array;
}

/** Scores a piece whose sentences start at `sentenceStarts` (ascending character offsets). */
export function scorePiece(text: string, sentenceStarts: readonly number[]): PieceScores {
  const { rowOf, weights } = model();
  const sentences = Math.max(1, sentenceStarts.length);
  const sums = new Int32Array(sentences * MODEL_OUTPUTS);
  let sentence = 0;
  let next = sentenceStarts.length > 1 ? (sentenceStarts[1] as number) : Infinity;
  const features = extractFeatures(text, (bucket, offset) => {
    const row = rowOf[bucket] as number;
    if (row === 0) return;
    while (offset >= next) {
      sentence++;
      next = sentence + 1 < sentenceStarts.length ? (sentenceStarts[sentence + 1] as number) : Infinity;
    }
    const base = (row - 1) * MODEL_OUTPUTS;
    const into = sentence * MODEL_OUTPUTS;
    for (let k = 0; k < MODEL_OUTPUTS; k++) sums[into + k] = (sums[into + k] as number) + (weights[base + k] as number);
  });
  return { features, sums };
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Probability of each output given the summed weights and the message's feature count. */
export function probabilities(totals: ArrayLike<number>, features: number): number[] {
  const norm = features > 0 ? 1 / Math.sqrt(features) : 0;
  const out: number[] = [];
  for (let k = 0; k < MODEL_OUTPUTS; k++) {
    out.push(sigmoid((active.biases[k] as number) + (active.scales[k] as number) * (totals[k] as number) * norm));
  }
  return out;
}

/**
 * The kinds the model names, given its probabilities and whether the rules named any kind:
 * each kind at or over the threshold; and, when the "needs any nudge" output is over its own
 * threshold but nothing else nudges, its likeliest kind. Mirrors `modelKinds` in
 * tools/tone-train/train.js, which chose the thresholds.
 */
export function modelKindIndexes(p: readonly number[], rulesNudged: boolean): number[] {
  const kinds: number[] = [];
  let best = 1;
  for (let k = 1; k < MODEL_OUTPUTS; k++) {
    if ((p[k] as number) >= thresholdOf(k)) kinds.push(k);
    if ((p[k] as number) > (p[best] as number)) best = k;
  }
  if (kinds.length === 0 && !rulesNudged && (p[0] as number) >= active.nudgeThreshold) kinds.push(best);
  return kinds;
}

/**
 * The further kinds the model names in a message that has a nudge already (from the rules or
 * from `modelKindIndexes`): each kind under its threshold but at or over its `nudgedThresholds`
 * value. There a further kind costs no false nudge, only possibly a wrong kind.
 */
export function nudgedKindIndexes(p: readonly number[]): number[] {
  const kinds: number[] = [];
  for (let k = 1; k < MODEL_OUTPUTS; k++) {
    if ((p[k] as number) < thresholdOf(k) && (p[k] as number) >= nudgedThresholdOf(k)) kinds.push(k);
  }
  return kinds;
}

/** The model's view of a text, for `--explain`: probabilities and the n-grams that weigh most per kind. */
export function explainModel(text: string, top = 6): { kind: string; probability: number; ngrams: { ngram: string; weight: number }[] }[] {
  const { rowOf, weights } = model();
  const found: { name: string; row: number }[] = [];
  const features = extractFeatures(
    text,
    (bucket, _offset, name) => {
      const row = rowOf[bucket] as number;
      if (row !== 0) found.push({ name: name ?? '', row: row - 1 });
    },
    true,
  );
  const totals = new Array<number>(MODEL_OUTPUTS).fill(0);
  for (const { row } of found) for (let k = 0; k < MODEL_OUTPUTS; k++) totals[k] = (totals[k] as number) + (weights[row * MODEL_OUTPUTS + k] as number);
  const p = probabilities(totals, features);
  return active.kinds.map((kind, k) => {
    const byName = new Map<string, number>();
    for (const { name, row } of found) {
      const w = (weights[row * MODEL_OUTPUTS + k] as number) * (active.scales[k] as number);
      if (w !== 0) byName.set(name, (byName.get(name) ?? 0) + w);
    }
    const ngrams = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .filter(([, w]) => w > 0)
      .map(([ngram, weight]) => ({ ngram, weight: Number(weight.toFixed(3)) }));
    return { kind, probability: Number((p[k] as number).toFixed(3)), ngrams };
  });
}
