import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig, ConfigError } from './config/app-config';
import { seedDemo } from './demo';

async function main(): Promise<void> {
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
  const app = await createApp({ config });
  await app.listen(config.port);
  const logger = new Logger('Parallel');
  logger.log(`Listening on ${config.publicUrl} (API under /api, documentation at /api/docs)`);
  if (process.argv.includes('--demo')) await seedDemo(app, config.publicUrl);
}

main().catch((error: Error) => {
  process.stderr.write(`Parallel could not start: ${error.message}\n`);
  process.exit(1);
});
