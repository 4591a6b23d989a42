import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { MIGRATIONS } from '../../src/database/migrations';

/** What a template depends on: every migration's code, and the PGlite release that wrote the files. */
function templateKey(): string {
  let pglite = require.resolve('@electric-sql/pglite');
  while (!existsSync(join(pglite, 'package.json')) && dirname(pglite) !== pglite) pglite = dirname(pglite);
  const version = (JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string }).version;
  return [version, ...MIGRATIONS.map((migration) => migration.toString())].join('\n');
}

/**
 * An embedded database made fresh costs about 6 s (PGlite's initdb, in WebAssembly) plus the
 * migrations; a copy of one already migrated opens in half a second. As PostgreSQL test
 * databases copy a migrated template, an embedded one starts as a copy of a migrated `db`
 * directory, made once per set of migrations and shared by every spec file of a run (Jest's
 * workers race to make it: the first rename wins, the others use the winner's).
 */
export async function copyMigratedEmbeddedDatabase(dataDir: string): Promise<void> {
  const key = createHash('sha256').update(templateKey()).digest('hex').slice(0, 16);
  const template = join(tmpdir(), `parallel-test-pglite-${key}`);
  if (!existsSync(join(template, 'db'))) {
    const making = mkdtempSync(join(tmpdir(), 'parallel-test-pglite-making-'));
    const app = await createApp({ config: loadConfig({ DATA_DIR: making, RELEASE_TICK_MS: '0' }), logLevels: ['error'] });
    await app.close();
    try {
      renameSync(making, template);
    } catch {
      // Another worker made it first: use theirs.
      rmSync(making, { recursive: true, force: true });
    }
  }
  cpSync(join(template, 'db'), join(dataDir, 'db'), { recursive: true });
}
