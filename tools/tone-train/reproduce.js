#!/usr/bin/env node
'use strict';
/**
 * Writes to stdout the weights module a fresh training on the committed corpus gives, with the
 * per-kind thresholds taken from the committed weights (choosing them again needs the
 * cross-validation of `main.js --check`, which takes minutes). The domain's reproducibility
 * test runs it in its own process: the same training inside Jest's sandbox is about 15 times
 * slower (every global the training loop touches goes through the sandbox's context).
 *   node tools/tone-train/reproduce.js   (needs the built @parallel/domain: libs/domain/dist)
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { extractFeatures } = require('../../libs/domain/dist/tone/model/features.js');
const { loadLabeledSet, TRAINING_PARTS } = require('../../libs/domain/test/fixtures/tone/labeled-set.js');
const { PARAMS, trainModel, packModel, weightsModule } = require('./train.js');

const COMMITTED = path.join(__dirname, '../../libs/domain/src/tone/model/weights.ts');

function reproducedWeights() {
  const set = loadLabeledSet();
  const rows = TRAINING_PARTS.flatMap((part) => set[part]);
  if (rows.some((row) => row.id.startsWith('ho-'))) throw new Error('The held-out part must never be trained on');
  const digest = crypto.createHash('sha256').update(rows.map((r) => `${r.id}\t${r.text}\t${r.kinds.join(',')}`).join('\n')).digest('hex');
  const committed = fs.readFileSync(COMMITTED, 'utf8');
  const thresholds = JSON.parse(/thresholds: (\[[^\]]*\])/.exec(committed)?.[1] ?? '[]');
  if (thresholds.length !== 11) throw new Error(`The committed weights hold ${thresholds.length} thresholds, not 11`);
  const nudged = /nudgedThresholds: (\[[^\]]*\])/.exec(committed)?.[1];
  const packed = packModel(trainModel(rows, extractFeatures), PARAMS, thresholds, nudged === undefined ? undefined : JSON.parse(nudged));
  return weightsModule(packed, digest, rows.length);
}

if (require.main === module) process.stdout.write(reproducedWeights());
module.exports = { reproducedWeights };
