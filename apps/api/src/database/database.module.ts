import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Settings } from '../config/settings';
import { lockDataDir } from './data-dir-lock';
import { createDataSource, databaseKind } from './data-source';

/** Serializes migration runs when several API processes start against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_246_001;

/**
 * Opens the database and brings its schema up to date before anything else runs:
 * migrations are the only way the schema changes, on PGlite and PostgreSQL alike.
 */
export async function openDatabase(settings: Settings): Promise<DataSource> {
  const logger = new Logger('Database');
  const kind = databaseKind(settings);
  const releaseLock = kind === 'embedded' ? lockDataDir(settings.dataDir) : () => undefined;
  const dataSource = createDataSource(settings);
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
  logger.log(kind === 'embedded' ? `Embedded PostgreSQL (PGlite) in ${settings.dataDir}/db` : 'PostgreSQL from DATABASE_URL');
  return dataSource;
}

@Module({})
export class DatabaseModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({}),
          dataSourceFactory: () => openDatabase(settings),
        }),
      ],
    };
  }
}
