import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { Settings } from '../config/settings';
import { ENTITIES } from './entities';
import { EmbeddedPglitePool } from './embedded-pglite-pool';
import { MIGRATIONS } from './migrations';

export type DatabaseKind = 'embedded' | 'postgres';

export function databaseKind(settings: Pick<Settings, 'databaseUrl'>): DatabaseKind {
  return settings.databaseUrl ? 'postgres' : 'embedded';
}

/**
 * One data source for both databases: PostgreSQL through `pg` when DATABASE_URL is
 * set, else PGlite in DATA_DIR through the same TypeORM postgres driver, so the
 * migrations and every query are identical on both.
 */
export function createDataSource(settings: Pick<Settings, 'databaseUrl' | 'dataDir'>, poolSize = 10): DataSource {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'] as ('error')[],
  };
  let options: DataSourceOptions;
  if (settings.databaseUrl) {
    options = { ...common, url: settings.databaseUrl, poolSize, applicationName: 'parallel-api' };
  } else {
    const pool = new EmbeddedPglitePool(join(settings.dataDir, 'db'));
    // TypeORM calls `new driver.Pool(options)`; a constructor that returns an object yields that object.
    const driver = { Pool: function EmbeddedPool() { return pool; } };
    options = { ...common, driver, installExtensions: false };
  }
  return new DataSource(options);
}
