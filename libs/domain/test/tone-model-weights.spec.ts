/**
 * Reproducible build: the committed weights (src/tone/model/weights.ts) are exactly what the
 * training script (tools/tone-train) writes from the committed corpus. Retrain with
 * `npm run tone:train` after changing the corpus, the features or the training.
 *
 * The training runs in its own Node process on the built library (`nx test` builds it first),
 * not in Jest's sandbox, where it is about 15 times slower. The per-kind thresholds are taken
 * from the committed file and everything else is retrained; `node tools/tone-train/main.js
 * --check` chooses the thresholds again too.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the test runs a script and reads the committed file; the library itself does no I/O
const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const { readdirSync, readFileSync, statSync } = require('node:fs') as typeof import('node:fs');

const WEIGHTS = `${__dirname}/../src/tone/model/weights.ts`;
const BUILT_FEATURES = `${__dirname}/../dist/tone/model/features.js`;
/** What the features are made of: the tone sources, outside the weights and the tests. */
const TONE_SOURCES = (readdirSync(`${__dirname}/../src/tone`, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('weights.ts'))
  .map((file) => `${__dirname}/../src/tone/${file}`);
const REPRODUCE = `${__dirname}/../../../tools/tone-train/reproduce.js`;

describe('learned component weights', () => {
  it('equal a fresh training on the committed corpus (held-out excluded)', () => {
    const newestSource = Math.max(...TONE_SOURCES.map((file) => statSync(file).mtimeMs));
    const built = statSync(BUILT_FEATURES, { throwIfNoEntry: false });
    if (!built || built.mtimeMs < newestSource) {
      throw new Error('The built library is missing or older than src/tone: run `npm run build -w @parallel/domain` (nx test does it first).');
    }
    const reproduced = execFileSync(process.execPath, [REPRODUCE], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(reproduced).toBe(readFileSync(WEIGHTS, 'utf8'));
  }, 120_000);
});
