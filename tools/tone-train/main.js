#!/usr/bin/env node
'use strict';
/**
 * `npm run tone:train`: trains the learned component on the labeled corpus's training parts
 * (libs/domain/test/fixtures/tone: tuning + challenge, blind rounds 1 and 2; never
 * held-out.jsonl), chooses a threshold per kind by cross-validation on those rows only, and
 * writes libs/domain/src/tone/model/weights.ts. Options:
 *   --check   do not write; exit 1 if the committed weights differ from a fresh training
 *   --dry     do not write (for trying parameters through TONE_PARAMS)
 *   --cv K    also report K-fold cross-validation on the training parts of rules + a model
 *             retrained per fold (thresholds chosen inside each fold), of the model alone,
 *             and the shipped analyzer on the held-out part
 *   --leave-out PART   rules + a model (and thresholds) trained without PART (tuning, blind,
 *             blind1, blind2), scored on PART: for a blind round, the honest proxy of a first score
 *   --rounds  leave-one-blind-round-out over every blind round (each scored by rules + a model
 *             and thresholds trained without it), per round and pooled over the rounds; with
 *             --dry only this is run (no fresh training of the shipped weights)
 * Needs the built @parallel/domain (libs/domain/dist).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const DIST = '../../libs/domain/dist/tone';
const { extractFeatures } = require(`${DIST}/model/features.js`);
const { explainModel, useToneModel } = require(`${DIST}/model/model.js`);
const { analyzeDraft, analyzeDraftAssumingNudged, analyzeDraftRulesOnly, resetToneCaches } = require(`${DIST}/analyze-draft.js`);
const { loadLabeledSet, scoreSet, TRAINING_PARTS } = require('../../libs/domain/test/fixtures/tone/labeled-set.js');
const { MODEL_KINDS, PARAMS, trainModel, predict, packModel, weightsModule } = require('./train.js');

const OUT = path.join(__dirname, '../../libs/domain/src/tone/model/weights.ts');
const params = () => (process.env.TONE_PARAMS ? { ...PARAMS, ...JSON.parse(process.env.TONE_PARAMS) } : PARAMS);

function trainingRows(set = loadLabeledSet()) {
  return TRAINING_PARTS.flatMap((part) => set[part]);
}

const ruleKinds = (text) => new Set(analyzeDraftRulesOnly(text).nudges.map((n) => n.kind));

/** Blind-round rows carry their round in their id (`b3-017`); project-written rows do not. */
const roundOf = (row) => /^(b[0-9]+)-/.exec(row.id)?.[1];

/**
 * Out-of-fold view of `rows`: each blind round is one fold (a model trained without that round
 * reads it, as a fresh round would be read), the project-written rows are spread over `folds`
 * folds. For each row: the kinds the rules name, the model's probability per kind, and whether
 * the analyzer's guards let the model say each kind (the model's thresholds set to 0): `may` where
 * only the rules nudged the message, `mayNudged` where it is nudged already (blame and personal
 * without "you" are said only there).
 */
function outOfFold(rows, folds = 5) {
  const groupOf = (row, i) => roundOf(row) ?? `p${i % folds}`;
  const groups = [...new Set(rows.map(groupOf))].sort();
  const info = new Array(rows.length);
  for (const group of groups) {
    const train = rows.filter((row, i) => groupOf(row, i) !== group);
    const packed = packModel(trainModel(train, extractFeatures), params(), MODEL_KINDS.map(() => 0));
    withModel(packed, () => {
      rows.forEach((row, i) => {
        if (groupOf(row, i) !== group) return;
        const rules = ruleKinds(row.text);
        const saidAlone = new Set(analyzeDraftAssumingNudged(row.text, false).nudges.map((n) => n.kind));
        const saidNudged = new Set(analyzeDraftAssumingNudged(row.text, true).nudges.map((n) => n.kind));
        const p = explainModel(row.text, 0).map((e) => e.probability);
        const may = MODEL_KINDS.map((kind) => saidAlone.has(kind) && !rules.has(kind));
        const mayNudged = MODEL_KINDS.map((kind) => saidNudged.has(kind) && !rules.has(kind));
        info[i] = { rules, p, may, mayNudged };
      });
    });
  }
  return info;
}

/**
 * Thresholds per output (index 0, "needs any nudge", unused) chosen on the out-of-fold view of
 * `rows` (outOfFold): for each kind, the grid value that best trades kinds the rules missed and
 * the model finds against grey-rock messages it would nudge (falseNudgeCost) and wrong kinds
 * elsewhere (wrongKindCost). Only `rows` are read.
 */
function chooseThresholds(rows, folds = 5) {
  const p = params();
  const info = outOfFold(rows, folds);
  const thresholds = MODEL_KINDS.map(() => p.threshold);
  for (let k = 1; k < MODEL_KINDS.length; k++) {
    const kind = MODEL_KINDS[k];
    let best = { value: -Infinity, t: 1.01 };
    for (const t of p.thresholdGrid) {
      let value = 0;
      rows.forEach((row, i) => {
        const { rules, p: prob, may } = info[i];
        if (!may[k] || prob[k] < t) return;
        const weight = roundOf(row) ? 1 : p.projectValueWeight;
        if (row.kinds.includes(kind)) value += weight;
        else if (row.kinds.length === 0) value -= rules.size === 0 ? weight * p.falseNudgeCost : 0;
        else value -= weight * p.wrongKindCost;
      });
      if (value > best.value) best = { value, t };
    }
    thresholds[k] = best.t;
  }
  // In a message that has a nudge already (the rules', or a kind over its threshold), a further
  // kind costs no false nudge: per kind, the grid value (at most its threshold) that best trades
  // kinds found against wrong kinds on those messages alone (with the guards of a message nudged
  // already: `mayNudged`).
  const nudgedThresholds = MODEL_KINDS.map(() => 1.01);
  const nudged = info.map(({ rules, p: prob, may }) => rules.size > 0 || MODEL_KINDS.some((_k, k) => k > 0 && may[k] && prob[k] >= thresholds[k]));
  for (let k = 1; k < MODEL_KINDS.length; k++) {
    const kind = MODEL_KINDS[k];
    let best = { value: 0, t: 1.01 };
    for (const t of p.thresholdGrid) {
      if (t >= thresholds[k]) break;
      let value = 0;
      rows.forEach((row, i) => {
        const { p: prob, mayNudged } = info[i];
        if (!nudged[i] || !mayNudged[k] || prob[k] < t || prob[k] >= thresholds[k]) return;
        const weight = roundOf(row) ? 1 : p.projectValueWeight;
        value += row.kinds.includes(kind) ? weight : -weight * p.nudgedWrongKindCost;
      });
      if (value > best.value) best = { value, t };
    }
    nudgedThresholds[k] = best.t;
  }
  return p.nudgedWrongKindCost > 0 ? { thresholds, nudgedThresholds } : { thresholds };
}

/** Trains on `rows` and packs the model with thresholds chosen on `rows` alone. */
function trainPacked(rows) {
  const { thresholds, nudgedThresholds } = chooseThresholds(rows);
  return packModel(trainModel(rows, extractFeatures), params(), thresholds, nudgedThresholds);
}

/** The weights module for the committed corpus, as a string. */
function build() {
  const rows = trainingRows();
  const digest = crypto.createHash('sha256').update(rows.map((r) => `${r.id}\t${r.text}\t${r.kinds.join(',')}`).join('\n')).digest('hex');
  const packed = trainPacked(rows);
  return { source: weightsModule(packed, digest, rows.length), packed };
}

/** The analyzer (rules + guards + model) with `packed` in place of the shipped model. */
function withModel(packed, fn) {
  useToneModel(packed);
  resetToneCaches();
  try {
    return fn((text) => analyzeDraft(text).nudges.map((n) => n.kind));
  } finally {
    useToneModel(undefined);
    resetToneCaches();
  }
}

function summary(name, score, kindsFilter = () => true) {
  const kinds = Object.keys(score.perKind).filter((k) => score.perKind[k].labeled > 0 && kindsFilter(k)).sort();
  const macro = kinds.reduce((s, k) => s + score.perKind[k].recall, 0) / kinds.length;
  const f = (x) => x.toFixed(3);
  console.log(`${name}: F1 ${f(score.f1)} precision ${f(score.precision)} recall ${f(score.recall)} false nudges ${f(score.falseNudgeRate)} (${score.falsePositives}/${score.greyRock}) macro recall per kind ${f(macro)}`);
  console.log('  ' + kinds.map((k) => `${k} ${f(score.perKind[k].recall)}/${f(score.perKind[k].precision)}`).join('  '));
  return score;
}

function crossValidate(rows, folds) {
  const full = new Map();
  const alone = new Map();
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.filter((_r, i) => i % folds !== fold);
    const test = rows.filter((_r, i) => i % folds === fold);
    const packed = trainPacked(train);
    withModel(packed, (predictor) => {
      for (const row of test) full.set(row.id, predictor(row.text));
    });
    const model = trainModel(train, extractFeatures);
    for (const row of test) {
      const p = predict(model, row.text, extractFeatures);
      alone.set(row.id, MODEL_KINDS.filter((_k, k) => k > 0 && p[k] >= packed.thresholds[k]));
    }
  }
  const byText = (map) => {
    const ids = new Map(rows.map((r) => [r.text, r.id]));
    return (text) => map.get(ids.get(text)) ?? [];
  };
  summary(`rules + model, ${folds}-fold CV on training parts (${rows.length}; model and thresholds retrained per fold; rules were tuned on these rows)`, scoreSet(rows, byText(full)));
  const grey = rows.filter((r) => !r.id.match(/^b[0-9]+-/));
  summary(`  the same, project-written rows only (${grey.length})`, scoreSet(grey, byText(full)));
  summary(`model alone, ${folds}-fold CV (model kinds)`, scoreSet(rows, byText(alone)), (k) => MODEL_KINDS.includes(k));
}

/** The blind rounds' part names (blind1, blind2, ...), in order. */
function roundParts(set) {
  return Object.keys(set).filter((part) => /^blind[0-9]+$/.test(part)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
}

/**
 * Leave-one-blind-round-out: each round scored by rules + a model and thresholds trained
 * without it, the honest proxy of a first score on new wording. Prints each round, then every
 * round's predictions pooled (per kind over all rounds) and the mean of the rounds' figures.
 */
function leaveRoundsOut(set) {
  const pooledRows = [];
  const predictions = new Map();
  const perRound = [];
  for (const part of roundParts(set)) {
    const inPart = new Set(set[part].map((r) => r.id));
    const train = trainingRows(set).filter((r) => !inPart.has(r.id));
    withModel(trainPacked(train), (predictor) => {
      for (const row of set[part]) predictions.set(row.id, predictor(row.text));
    });
    const byId = (rows) => (text) => predictions.get(rows.find((r) => r.text === text).id);
    perRound.push(summary(`${part} (${set[part].length}), rules + model trained without it`, scoreSet(set[part], byId(set[part]))));
    pooledRows.push(...set[part]);
  }
  const byText = new Map(pooledRows.map((r) => [r.text, predictions.get(r.id)]));
  summary(`pooled over ${perRound.length} rounds (${pooledRows.length})`, scoreSet(pooledRows, (text) => byText.get(text)));
  const mean = (f) => (perRound.reduce((s, score) => s + f(score), 0) / perRound.length).toFixed(3);
  const macroOf = (score) => {
    const kinds = Object.keys(score.perKind).filter((k) => score.perKind[k].labeled > 0);
    return kinds.reduce((s, k) => s + score.perKind[k].recall, 0) / kinds.length;
  };
  console.log(`mean over rounds: F1 ${mean((s) => s.f1)} false nudges ${mean((s) => s.falseNudgeRate)} macro recall per kind ${mean(macroOf)}`);
}

function main(argv) {
  if (argv.includes('--rounds') && argv.includes('--dry')) {
    leaveRoundsOut(loadLabeledSet());
    return 0;
  }
  const { source, packed } = build();
  if (argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === source;
    console.log(same ? 'weights.ts matches a fresh training' : 'weights.ts differs from a fresh training: run npm run tone:train');
    return same ? 0 : 1;
  }
  if (!argv.includes('--dry')) fs.writeFileSync(OUT, source);
  console.log(`${argv.includes('--dry') ? 'would write' : 'wrote'} ${path.relative(process.cwd(), OUT)}: ${packed.rows} features, ${packed.nonZero} weights, ${source.length} bytes`);
  console.log(`thresholds: ${MODEL_KINDS.map((k, i) => (i ? `${k} ${packed.thresholds[i]}` : '')).filter(Boolean).join(', ')}`);
  if (packed.nudgedThresholds) console.log(`in a message nudged already: ${MODEL_KINDS.map((k, i) => (i ? `${k} ${packed.nudgedThresholds[i]}` : '')).filter(Boolean).join(', ')}`);
  const set = loadLabeledSet();
  const cvIndex = argv.indexOf('--cv');
  if (cvIndex >= 0) {
    const folds = Number(argv[cvIndex + 1] ?? 5);
    crossValidate(trainingRows(set), folds);
    withModel(packed, (predictor) => summary(`rules + model (as shipped), held-out (${set.heldOut.length})`, scoreSet(set.heldOut, predictor)));
    summary(`rules only, held-out`, scoreSet(set.heldOut, (t) => ruleKinds(t)));
  }
  if (argv.includes('--rounds')) leaveRoundsOut(set);
  for (let i = argv.indexOf('--leave-out'); i >= 0; i = argv.indexOf('--leave-out', i + 1)) {
    const part = argv[i + 1];
    const inPart = new Set(set[part].map((r) => r.id));
    const train = trainingRows(set).filter((r) => !inPart.has(r.id));
    withModel(trainPacked(train), (predictor) => summary(`rules + model trained without ${part}, on ${part} (${set[part].length})`, scoreSet(set[part], predictor)));
    summary(`rules only, on ${part}`, scoreSet(set[part], (t) => ruleKinds(t)));
  }
  return 0;
}

module.exports = { build, trainPacked, withModel, trainingRows, roundParts };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
