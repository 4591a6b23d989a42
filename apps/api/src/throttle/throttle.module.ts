import { Global, Logger, Module } from '@nestjs/common';
import { createClient, RedisClientType } from 'redis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisThrottleStore, ThrottleStore } from './throttle-store';
import { ThrottleRepository } from './throttle.repository';
import { THROTTLE_STORE, ThrottleService } from './throttle.service';

/** The throttle's counters: Redis when `REDIS_URL` is set, else the database. Global: any module may throttle. */
@Global()
@Module({
  providers: [
    ThrottleRepository,
    {
      provide: THROTTLE_STORE,
      inject: [APP_CONFIG, ThrottleRepository],
      useFactory: async (config: AppConfig, database: ThrottleRepository): Promise<ThrottleStore> => {
        if (!config.redisUrl) return database;
        const client = createClient({ url: config.redisUrl }) as RedisClientType;
        client.on('error', (error: Error) => new Logger('Throttle').error(`Redis: ${error.message}`));
        await client.connect();
        return new RedisThrottleStore(client, config.redisPrefix);
      },
    },
    ThrottleService,
  ],
  exports: [ThrottleService],
})
export class ThrottleModule {}
