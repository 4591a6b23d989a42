import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadSettings, SettingsError } from './config/settings';
import { seedDemo } from './demo';

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`${error.message}\nFix the variables above (see the settings table in README.md) and start again.\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp({ settings });
  await app.listen(settings.port);
  const logger = new Logger('Parallel');
  logger.log(`Listening on ${settings.publicUrl} (API under /api, documentation at /api/docs)`);
  if (process.argv.includes('--demo')) await seedDemo(app, settings.publicUrl);
}

main().catch((error: Error) => {
  process.stderr.write(`Parallel could not start: ${error.message}\n`);
  process.exit(1);
});
