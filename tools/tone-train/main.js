#!/usr/bin/env node
'use strict';
/**
 * `npm run tone:train`: trains the learned component on the labeled corpus's training parts
 * (libs/domain/test/fixtures/tone: tuning, challenge, blind round 1; never held-out.jsonl) and
 * writes libs/domain/src/tone/model/weights.ts. Options:
 *   --check   do not write; exit 1 if the committed weights differ from a fresh training
 *   --cv K    also report K-fold cross-validation of the model alone on the training parts,
 *             and the model trained on all of them on the held-out part
 *   --leave-out PART   report the model trained without PART (tuning|blind), scored on it
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { extractFeatures } = require('../../libs/domain/dist/tone/model/features.js');
const { loadLabeledSet, scoreSet, TRAINING_PARTS } = require('../../libs/domain/test/fixtures/tone/labeled-set.js');
const { MODEL_KINDS, PARAMS, trainModel, predict, packModel, weightsModule, modelKinds } = require('./train.js');

const OUT = path.join(__dirname, '../../libs/domain/src/tone/model/weights.ts');

function trainingRows(set = loadLabeledSet()) {
  return TRAINING_PARTS.flatMap((part) => set[part]);
}

/** The weights module for the committed corpus, as a string. */
function build() {
  const rows = trainingRows();
  const digest = crypto.createHash('sha256').update(rows.map((r) => `${r.id}\t${r.text}\t${r.kinds.join(',')}`).join('\n')).digest('hex');
  const packed = packModel(trainModel(rows, extractFeatures));
  return { source: weightsModule(packed, digest, rows.length), packed };
}

const params = () => (process.env.TONE_PARAMS ? { ...PARAMS, ...JSON.parse(process.env.TONE_PARAMS) } : PARAMS);
function modelPredictor(model, withRules) {
  return (text) => {
    const p = predict(model, text, extractFeatures);
    const rules = withRules ? ruleKinds(text) : [];
    return [...new Set([...rules, ...modelKinds(p, rules, params().threshold, params().nudgeThreshold)])];
  };
}
/**
 * Only the model is scored here: the built analyzer already holds the shipped model, trained
 * on every training row, so "rules + model" from it would score rows the model has seen.
 */
const ruleKinds = () => [];

function summary(name, score) {
  const kinds = Object.keys(score.perKind).filter((k) => score.perKind[k].labeled > 0 && MODEL_KINDS.includes(k)).sort();
  const macro = kinds.reduce((s, k) => s + score.perKind[k].recall, 0) / kinds.length;
  const f = (x) => x.toFixed(3);
  console.log(`${name}: F1 ${f(score.f1)} precision ${f(score.precision)} recall ${f(score.recall)} false nudges ${f(score.falseNudgeRate)} (${score.falsePositives}/${score.greyRock}) macro recall (model kinds) ${f(macro)}`);
  console.log('  ' + kinds.map((k) => `${k} ${f(score.perKind[k].recall)}/${f(score.perKind[k].precision)}`).join('  '));
}

function main(argv) {
  const { source, packed } = build();
  if (argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === source;
    console.log(same ? 'weights.ts matches a fresh training' : 'weights.ts differs from a fresh training: run npm run tone:train');
    return same ? 0 : 1;
  }
  fs.writeFileSync(OUT, source);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${packed.rows} features, ${packed.nonZero} weights, ${source.length} bytes`);
  const cvIndex = argv.indexOf('--cv');
  if (cvIndex >= 0) {
    const folds = Number(argv[cvIndex + 1] ?? 5);
    const set = loadLabeledSet();
    const rows = trainingRows(set);
    const predicted = new Map();
    for (let fold = 0; fold < folds; fold++) {
      const train = rows.filter((_r, i) => i % folds !== fold);
      const test = rows.filter((_r, i) => i % folds === fold);
      const model = trainModel(train, extractFeatures);
      const predictor = modelPredictor(model, false);
      for (const row of test) predicted.set(row.text, predictor(row.text));
    }
    summary(`model alone, ${folds}-fold CV on training parts (${rows.length})`, scoreSet(rows, (t) => predicted.get(t)));
    const model = trainModel(rows, extractFeatures);
    summary(`model alone, held-out (${set.heldOut.length})`, scoreSet(set.heldOut, modelPredictor(model, false)));
  }
  const leaveIndex = argv.indexOf('--leave-out');
  if (leaveIndex >= 0) {
    const part = argv[leaveIndex + 1];
    const set = loadLabeledSet();
    const train = TRAINING_PARTS.filter((p) => p !== part).flatMap((p) => set[p]);
    const model = trainModel(train, extractFeatures);
    summary(`model alone trained without ${part}, on ${part}`, scoreSet(set[part], modelPredictor(model, false)));
  }
  return 0;
}

module.exports = { build };
if (require.main === module) process.exitCode = main(process.argv.slice(2));
