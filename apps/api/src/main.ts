import 'reflect-metadata';
import type { AppOptions } from './app.module';
import { loadConfig, ConfigError } from './config/app-config';
import { assertDataDirFree, DataDirInUse } from './database/data-dir-lock';

/**
 * Starts the API as `npm start` does: settings from the environment, the database, the
 * HTTP server. Tools that need the very same start with something added (the message
 * benchmark's baseline endpoint, the browser tests' movable clock) call it with
 * `extraModules` and `clock`; `npm start` passes neither.
 */
export async function startApi(options: Pick<AppOptions, 'extraModules' | 'clock'> = {}): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the variables above (see the config table in README.md) and start again.\n`);
      process.exit(2);
    }
    throw error;
  }
  // Before anything slow or noisy, even loading the framework: a data directory in use
  // (embedded database, no DATABASE_URL) is an answer, not something to wait for.
  if (config.databaseUrl === null) assertDataDirFree(config.dataDir);
  const { Logger } = await import('@nestjs/common');
  const { createApp } = await import('./app.factory');
  const app = await createApp({ config, clock: options.clock, extraModules: options.extraModules });
  await listenOnEveryInterface(app, config.port);
  const logger = new Logger('Parallel');
  logger.log(`Listening on ${config.publicUrl} (API under /api, documentation at /api/docs)`);
  if (process.argv.includes('--demo')) {
    const { seedDemo } = await import('./demo');
    await seedDemo(app, config.publicUrl);
  }
}

/**
 * Every interface, as Node's own `listen(port)` does and Express did (Fastify's default is
 * localhost only, which a container behind a proxy cannot be reached on): `::`, which takes
 * IPv4 too, or 0.0.0.0 where IPv6 is off.
 */
async function listenOnEveryInterface(app: { listen(port: number, host: string): Promise<unknown> }, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

/** Start-up failures end the process with one line saying why, and a non-zero code. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof DataDirInUse) {
    process.stderr.write(`Parallel cannot start: ${error.message}\n`);
    process.exit(3);
  }
  process.stderr.write(`Parallel could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

if (require.main === module) {
  startApi().catch(exitOnStartFailure);
}
