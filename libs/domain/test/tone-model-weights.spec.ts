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
const { readFileSync } = require('node:fs') as typeof import('node:fs');

const WEIGHTS = `${__dirname}/../src/tone/model/weights.ts`;
const REPRODUCE = `${__dirname}/../../../tools/tone-train/reproduce.js`;

describe('learned component weights', () => {
  it('equal a fresh training on the committed corpus (held-out excluded)', () => {
    // (File times cannot tell a stale build: nx restores a cached build with its own times.)
    const reproduced = execFileSync(process.execPath, [REPRODUCE], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (reproduced !== readFileSync(WEIGHTS, 'utf8')) {
      throw new Error(
        'The committed weights differ from a fresh training. If src/tone changed, build it first (`npm run build -w @parallel/domain`; `nx test` does); ' +
          'if the corpus, the features or the training changed, retrain with `npm run tone:train`.',
      );
    }
  }, 120_000);
});
