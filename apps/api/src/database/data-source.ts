import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { EmbeddedPglitePool } from './embedded-pglite-pool';
import { MIGRATIONS } from './migrations';

export type DatabaseKind = 'embedded' | 'postgres';

export function databaseKind(config: Pick<AppConfig, 'databaseUrl'>): DatabaseKind {
  return config.databaseUrl ? 'postgres' : 'embedded';
}

/**
 * One data source for both databases: PostgreSQL through `pg` when DATABASE_URL is
 * set, else PGlite in DATA_DIR through the same TypeORM postgres driver, so the
 * migrations and every query are identical on both.
 */
export function createDataSource(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, poolSize = 10): DataSource {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: ['error'] as ('error')[],
  };
  let options: DataSourceOptions;
  if (config.databaseUrl) {
    options = { ...common, url: config.databaseUrl, poolSize, applicationName: 'parallel-api' };
  } else {
    const pool = new EmbeddedPglitePool(join(config.dataDir, 'db'));
    // TypeORM calls `new driver.Pool(options)`; a constructor that returns an object yields that object.
    const driver = { Pool: function EmbeddedPool() { return pool; } };
    options = { ...common, driver, installExtensions: false };
  }
  return new DataSource(options);
}
