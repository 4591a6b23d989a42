import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { relative, sep } from 'node:path';
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
  const startedAt = Date.now();
  // Opening PGlite takes seconds (about 5 on a fresh directory): say so before the wait.
  logger.log(kind === 'embedded' ? `Opening the database in ${displayPath(config.dataDir)}${sep}db…` : 'Connecting to PostgreSQL (DATABASE_URL)…');
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
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  logger.log(`${kind === 'embedded' ? 'Embedded PostgreSQL (PGlite)' : 'PostgreSQL'} ready, schema up to date (${seconds} s)`);
  return dataSource;
}

/** `./data` for a directory under the working directory, else the absolute path. */
function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  if (fromHere === '') return '.';
  return fromHere.startsWith('..') || fromHere.startsWith(sep) || /^[A-Za-z]:/.test(fromHere) ? path : `.${sep}${fromHere}`;
}

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    const kind = databaseKind(config);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            // A PostgreSQL server may still be starting (docker compose): retry it. An embedded
            // directory is local files, so a retry would only repeat the error (a second
            // process on the same directory used to wait 25 s for the same answer).
            toRetry: () => kind === 'postgres',
          }),
          dataSourceFactory: () => openDatabase(config),
        }),
      ],
    };
  }
}
