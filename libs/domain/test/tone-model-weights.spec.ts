/**
 * Reproducible build: the committed weights (src/tone/model/weights.ts) are exactly what the
 * training script (tools/tone-train) writes from the committed corpus. Retrain with
 * `npm run tone:train` after changing the corpus, the features or the training.
 */
import { extractFeatures } from '../src/tone/model/features';
import { loadLabeledSet, TRAINING_PARTS } from './fixtures/tone/labeled-set';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain-JS training script, no types
const train = require('../../../tools/tone-train/train.js') as {
  trainModel: (rows: unknown[], extract: typeof extractFeatures) => unknown;
  packModel: (model: unknown, params: unknown, thresholds: readonly number[], nudgedThresholds?: readonly number[]) => unknown;
  PARAMS: unknown;
  weightsModule: (packed: unknown, digest: string, messages: number) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- node:crypto through the script's own digest
const { createHash } = require('node:crypto') as typeof import('node:crypto');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the test reads the committed file; the library itself does no I/O
const { readFileSync } = require('node:fs') as typeof import('node:fs');

describe('learned component weights', () => {
  it('equal a fresh training on the committed corpus (held-out excluded)', () => {
    const set = loadLabeledSet();
    const rows = TRAINING_PARTS.flatMap((part) => set[part]);
    expect(rows.some((row) => row.id.startsWith('ho-'))).toBe(false);
    const digest = createHash('sha256')
      .update(rows.map((r) => `${r.id}\t${r.text}\t${r.kinds.join(',')}`).join('\n'))
      .digest('hex');
    // The per-kind thresholds are chosen by cross-validation that runs the built rules
    // (`node tools/tone-train/main.js --check` reproduces them too); here they are taken from
    // the committed file and everything else is retrained.
    const committed = readFileSync(`${__dirname}/../src/tone/model/weights.ts`, 'utf8');
    const thresholds = JSON.parse(/thresholds: (\[[^\]]*\])/.exec(committed)?.[1] ?? '[]') as number[];
    expect(thresholds).toHaveLength(11);
    const nudged = /nudgedThresholds: (\[[^\]]*\])/.exec(committed)?.[1];
    const nudgedThresholds = nudged === undefined ? undefined : (JSON.parse(nudged) as number[]);
    const packed = train.packModel(train.trainModel(rows, extractFeatures), train.PARAMS, thresholds, nudgedThresholds);
    const source = train.weightsModule(packed, digest, rows.length);
    expect(source).toBe(committed);
  }, 60_000);
});
