import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { ManualClock } from '../../src/common/clock';
import { loadConfig, AppConfig } from '../../src/config/app-config';
import { copyMigratedEmbeddedDatabase } from './embedded-template';
import { SmtpCatcher } from './smtp-catcher';
import { createTestDatabase, TEST_DATABASE_URL } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening server, e.g. for socket clients and child processes. */
  url: string;
  http: () => ReturnType<typeof request>;
  clock: ManualClock;
  mail: SmtpCatcher;
  config: AppConfig;
  /** Raw SQL on the app's own database connection, for checks the API cannot make. */
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

export type DatabaseChoice = 'default' | 'embedded';

/**
 * Boots the real application (same factory as `npm start`) on a fresh database:
 * a copy of the migrated template on PostgreSQL when TEST_DATABASE_URL is set, else
 * a new embedded PGlite directory. Mail goes to a real SMTP listener.
 */
export async function startTestApp(
  options: { database?: DatabaseChoice; env?: Record<string, string>; /** Reuse (and keep) this data directory. */ dataDir?: string } = {},
): Promise<TestApp> {
  const mail = await new SmtpCatcher().start();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'parallel-test-'));
  const usePostgres = TEST_DATABASE_URL !== null && options.database !== 'embedded';
  const database = usePostgres ? await createTestDatabase() : null;
  // A new embedded database starts as a copy of a migrated one; a given directory is used as it is.
  if (!usePostgres && !options.dataDir) await copyMigratedEmbeddedDatabase(dataDir);
  const config = loadConfig({
    DATA_DIR: dataDir,
    SMTP_URL: mail.url,
    PUBLIC_URL: 'http://parallel.test',
    // Tests release held messages by calling the ticker with a clock they set.
    RELEASE_TICK_MS: '0',
    // Tests stand in for clients behind a local proxy, telling their address in X-Forwarded-For.
    TRUST_PROXY: 'loopback',
    // Each app its own Redis keys, when a test gives it REDIS_URL.
    REDIS_PREFIX: `parallel-test-${process.pid}-${Math.random().toString(36).slice(2, 10)}:`,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const clock = new ManualClock();
  const app = await createApp({ config, clock, logLevels: ['error'] });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    url,
    http: () => request(app.getHttpServer()),
    clock,
    mail,
    config,
    query: (sql, params) => app.get(DataSource).query(sql, params),
    close: async () => {
      await app.close();
      await mail.stop();
      await database?.drop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
