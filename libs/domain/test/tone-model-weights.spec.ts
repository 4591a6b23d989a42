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
  packModel: (model: unknown) => unknown;
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
    const source = train.weightsModule(train.packModel(train.trainModel(rows, extractFeatures)), digest, rows.length);
    expect(source).toBe(readFileSync(`${__dirname}/../src/tone/model/weights.ts`, 'utf8'));
  }, 60_000);
});
