import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io on the API's own port; with REDIS_URL, events published by one API
 * process reach sockets connected to any other (the Redis adapter).
 */
export class RealtimeAdapter extends IoAdapter {
  private readonly logger = new Logger('Realtime');
  private adapterFactory: ReturnType<typeof createAdapter> | null = null;
  private readonly clients: { quit(): Promise<unknown> }[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | null,
  ) {
    super(app);
  }

  async connectToRedis(): Promise<void> {
    if (!this.redisUrl) return;
    const publisher = createClient({ url: this.redisUrl });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber]) client.on('error', (error: Error) => this.logger.error(`Redis: ${error.message}`));
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.clients.push(publisher, subscriber);
    this.adapterFactory = createAdapter(publisher, subscriber);
    this.logger.log('Realtime events go through Redis to every API process');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, { ...options, serveClient: false }) as Server;
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.splice(0).map((client) => client.quit().catch(() => undefined)));
  }
}
