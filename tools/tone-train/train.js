'use strict';
/**
 * Trains the grey-rock analyzer's learned component: one logistic regression per nudge kind
 * over the hashed features of libs/domain/src/tone/model/features.ts, fitted by FTRL-proximal
 * (per-coordinate learning rates, L1 for sparsity, L2) on the labeled corpus. Deterministic:
 * a fixed seed shuffles the messages, a fixed number of epochs, no clock, no randomness else.
 *
 * Plain JavaScript with no dependency, so that training needs nothing the runtime does not.
 * Used by `npm run tone:train` (main.js) and by the reproducibility test.
 */

/** Kinds the model learns. `length` is a word count and `shouting` a character rule: rules only. */
const HASH_SIZE = 1 << 18;
/** `nudge` is "needs any nudge" (grey rock or not); when only it fires, the likeliest kind is named. */
const MODEL_KINDS = ['nudge', 'hostile', 'blame', 'emotional', 'personal', 'threat', 'sarcasm', 'jade', 'pressure', 'hoovering', 'off_topic'];

/** Fixed hyper-parameters; changing one changes the shipped weights (and needs the CV report). */
const PARAMS = {
  seed: 20261201,
  epochs: 20,
  alpha: 20,
  beta: 1,
  l1: 1,
  l2: 1,
  /**
   * Blind-round rows (other people's wording, `b*-` ids) weigh this much more than the
   * project's own rows: leave-one-round-out, 3 lifted F1 and macro recall on the left-out round.
   */
  blindWeight: 2,
  /** Positives weigh more: each kind is rare, and a missed nudge is the failure under study. */
  positiveWeight: 3,
  /** Probability at or above which the model nudges, when CV chose no threshold for the kind. */
  threshold: 0.8,
  /**
   * Per-kind thresholds are chosen from this grid by cross-validation on the training rows.
   * From 0.3 again (0.5 after round 5): with the word-class features, leave-one-round-out
   * macro recall rose (pooled 0.778 to 0.786) and false nudges stayed under 3%.
   */
  thresholdGrid: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01],
  /**
   * Choosing a threshold: a grey-rock message nudged costs this many missed kinds. 3 since blind
   * rounds 7 and 10 to 13 joined the training material (with 2, the held-out part's false nudges
   * rose to 3.3%, over its 3% floor); the thresholds for messages nudged already (below) keep
   * the recall that costs.
   */
  falseNudgeCost: 3,
  /**
   * ... and a wrong kind on a message that needed another one costs this much. Leave-one-round-
   * out after round 6, 0.15 lifted macro recall per kind (pooled 0.779 to 0.790) but put held-out
   * false nudges at 3.3% (2/60), over the 3% floor: kept at 0.3.
   */
  wrongKindCost: 0.3,
  /**
   * In a message that has a nudge already, a further kind the model names costs no false nudge;
   * a wrong one costs this much against a kind found (0: no such thresholds). Leave-one-round-out
   * on rounds 7 and 10 to 13, 0.3 (the cost of a wrong kind above) lifted macro recall per kind
   * pooled from 0.825 (0.5) to 0.830, false nudges unchanged by construction.
   */
  nudgedWrongKindCost: 0.3,
  /**
   * What a project-written row counts for when choosing a threshold, against 1 for a blind-round
   * row: the rules were tuned on the project's rows, so there the model finds little they miss.
   */
  projectValueWeight: 0.3,
  /**
   * Probability at or above which the "needs any nudge" model alone nudges (its likeliest
   * kind). Over 1, so off: in cross-validation it raised false nudges on the project's grey-rock
   * messages to 19% or more at every threshold tried (see BENCHMARKS.md).
   */
  nudgeThreshold: 1.01,
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A message as sparse (bucket, value) pairs, values count / sqrt(number of features). */
function vectorize(text, extractFeatures) {
  const counts = new Map();
  const n = extractFeatures(text, (bucket) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1));
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
  const buckets = Int32Array.from(counts.keys());
  const values = Float64Array.from(counts.values(), (c) => c * norm);
  return { buckets, values };
}

function sigmoid(x) {
  return 1 / (1 + Math.exp(-x));
}

/** FTRL-proximal for one kind. Returns weights by bucket (Map) and the bias. */
function trainKind(vectors, labels, params, rowWeights) {
  const z = new Float64Array(HASH_SIZE);
  const nsq = new Float64Array(HASH_SIZE);
  let zBias = 0;
  let nBias = 0;
  const weight = (i) => {
    const zi = z[i];
    if (Math.abs(zi) <= params.l1) return 0;
    return -(zi - Math.sign(zi) * params.l1) / ((params.beta + Math.sqrt(nsq[i])) / params.alpha + params.l2);
  };
  const biasWeight = () => -zBias / ((params.beta + Math.sqrt(nBias)) / params.alpha);
  const random = mulberry32(params.seed);
  const order = vectors.map((_v, index) => index);
  const ws = new Float64Array(4096);
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const index of order) {
      const { buckets, values } = vectors[index];
      const y = labels[index];
      let sum = biasWeight();
      for (let f = 0; f < buckets.length; f++) {
        ws[f] = weight(buckets[f]);
        sum += ws[f] * values[f];
      }
      const g = (sigmoid(sum) - y) * (y ? params.positiveWeight : 1) * (rowWeights ? rowWeights[index] : 1);
      for (let f = 0; f < buckets.length; f++) {
        const i = buckets[f];
        const gi = g * values[f];
        const ni = nsq[i];
        const sigma = (Math.sqrt(ni + gi * gi) - Math.sqrt(ni)) / params.alpha;
        z[i] += gi - sigma * ws[f];
        nsq[i] = ni + gi * gi;
      }
      const bw = biasWeight();
      const sigmaB = (Math.sqrt(nBias + g * g) - Math.sqrt(nBias)) / params.alpha;
      zBias += g - sigmaB * bw;
      nBias += g * g;
    }
  }
  const weights = new Map();
  for (let i = 0; i < HASH_SIZE; i++) {
    if (z[i] === 0) continue;
    const w = weight(i);
    if (w !== 0) weights.set(i, w);
  }
  return { weights, bias: biasWeight() };
}

/** Trains every kind on `rows` ({text, kinds}); float weights, before quantization. */
function trainModel(rows, extractFeatures, params = PARAMS) {
  if (process.env.TONE_PARAMS) params = { ...params, ...JSON.parse(process.env.TONE_PARAMS) };
  const vectors = rows.map((row) => vectorize(row.text, extractFeatures));
  const rowWeights = rows.map((row) => (/^b[0-9]+-/.test(row.id ?? '') ? params.blindWeight ?? 1 : 1));
  return MODEL_KINDS.map((kind) => ({
    kind,
    // the switched-off "needs any nudge" output ships no weights (packModel): do not train it
    ...(kind === 'nudge' && params.nudgeThreshold > 1 ? { weights: new Map(), bias: 0 } : trainKind(
      vectors,
      rows.map((row) => (kind === 'nudge' ? row.kinds.length > 0 : row.kinds.includes(kind)) ? 1 : 0),
      params,
      rowWeights,
    )),
  }));
}

/** Probability per kind for one message with the float model. */
function predict(model, text, extractFeatures) {
  const { buckets, values } = vectorize(text, extractFeatures);
  return model.map(({ weights, bias }) => {
    let sum = bias;
    for (let f = 0; f < buckets.length; f++) sum += (weights.get(buckets[f]) ?? 0) * values[f];
    return sigmoid(sum);
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function toBase64(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += BASE64[a >> 2] + BASE64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? BASE64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? BASE64[c & 63] : '=';
  }
  return out;
}

/**
 * Quantizes the model to int8 per kind (scale = largest |weight| / 127) and packs it: the
 * buckets any kind uses, ascending, as varint deltas; then one int8 per bucket and kind.
 */
function packModel(model, params = PARAMS, thresholds, nudgedThresholds) {
  const scales = model.map(({ weights }) => {
    let max = 0;
    for (const w of weights.values()) max = Math.max(max, Math.abs(w));
    return max / 127 || 1;
  });
  const quantized = model.map(({ weights }, k) => {
    const q = new Map();
    // the "needs any nudge" output is switched off (nudgeThreshold over 1): ship none of its weights
    if (k === 0 && params.nudgeThreshold > 1) return q;
    for (const [bucket, w] of weights) {
      const v = Math.round(w / scales[k]);
      if (v !== 0) q.set(bucket, v);
    }
    return q;
  });
  const buckets = [...new Set(quantized.flatMap((q) => [...q.keys()]))].sort((a, b) => a - b);
  const deltas = [];
  let last = 0;
  for (const bucket of buckets) {
    let delta = bucket - last;
    last = bucket;
    while (delta >= 0x80) {
      deltas.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    deltas.push(delta);
  }
  const weights = new Uint8Array(buckets.length * model.length);
  buckets.forEach((bucket, row) => {
    quantized.forEach((q, k) => {
      weights[row * model.length + k] = (q.get(bucket) ?? 0) & 0xff;
    });
  });
  const round = (x) => Number(x.toPrecision(7));
  return {
    kinds: model.map((m) => m.kind),
    rows: buckets.length,
    nonZero: quantized.reduce((sum, q) => sum + q.size, 0),
    scales: scales.map(round),
    biases: model.map((m) => round(m.bias)),
    threshold: params.threshold,
    thresholds: thresholds ?? model.map(() => params.threshold),
    ...(nudgedThresholds ? { nudgedThresholds } : {}),
    nudgeThreshold: params.nudgeThreshold,
    buckets: toBase64(Uint8Array.from(deltas)),
    weights: toBase64(weights),
  };
}

/** The TypeScript module the analyzer imports. */
function weightsModule(packed, digest, messages) {
  return `/**
 * The learned component's weights, written by \`npm run tone:train\` (tools/tone-train) from the
 * labeled corpus (${messages} messages, sha256 ${digest.slice(0, 16)}): do not edit by hand.
 * ${packed.rows} hashed features, ${packed.nonZero} non-zero int8 weights over ${packed.kinds.length} kinds.
 */
export const TONE_MODEL = {
  kinds: ${JSON.stringify(packed.kinds)},
  rows: ${packed.rows},
  scales: ${JSON.stringify(packed.scales)},
  biases: ${JSON.stringify(packed.biases)},
  threshold: ${packed.threshold},
  thresholds: ${JSON.stringify(packed.thresholds)},${packed.nudgedThresholds ? `\n  nudgedThresholds: ${JSON.stringify(packed.nudgedThresholds)},` : ''}
  nudgeThreshold: ${packed.nudgeThreshold},
  buckets:
    '${packed.buckets}',
  weights:
    '${packed.weights}',
} as const;
`;
}

/**
 * The kinds the model names for one message, given its probabilities (in MODEL_KINDS order)
 * and the kinds the rules already named: every kind at or over the threshold; and when the
 * `nudge` model fires but neither the rules nor any kind does, the likeliest kind.
 */
function modelKinds(p, ruleKinds, threshold, nudgeThreshold) {
  const kinds = [];
  let best = -1;
  for (let k = 1; k < MODEL_KINDS.length; k++) {
    if (p[k] >= threshold) kinds.push(MODEL_KINDS[k]);
    if (best < 0 || p[k] > p[best]) best = k;
  }
  if (kinds.length === 0 && ruleKinds.length === 0 && p[0] >= nudgeThreshold) kinds.push(MODEL_KINDS[best]);
  return kinds;
}

module.exports = { modelKinds, MODEL_KINDS, PARAMS, trainModel, predict, packModel, weightsModule, vectorize, mulberry32 };
