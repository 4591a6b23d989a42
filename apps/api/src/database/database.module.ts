import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { lockDataDir } from './data-dir-lock';
import { createDataSource, databaseKind } from './data-source';

/** Serializes migration runs when several API processes start against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_246_001;

/**
 * Opens the database and brings its schema up to date before anything else runs:
 * migrations are the only way the schema changes, on PGlite and PostgreSQL alike.
 */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const logger = new Logger('Database');
  const kind = databaseKind(config);
  const releaseLock = kind === 'embedded' ? lockDataDir(config.dataDir) : () => undefined;
  const dataSource = createDataSource(config);
  try {
    await dataSource.initialize();
    if (kind === 'postgres') {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await dataSource.runMigrations({ transaction: 'all' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await runner.release();
      }
    } else {
      await dataSource.runMigrations({ transaction: 'all' });
    }
  } catch (error) {
    releaseLock();
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  // The lock is released when the data source closes, on a clean shutdown.
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      await destroy();
    } finally {
      releaseLock();
    }
  };
  logger.log(kind === 'embedded' ? `Embedded PostgreSQL (PGlite) in ${config.dataDir}/db` : 'PostgreSQL from DATABASE_URL');
  return dataSource;
}

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: () => openDatabase(config),
        }),
      ],
    };
  }
}
