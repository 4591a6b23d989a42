/**
 * The API for the message benchmark: exactly what `node apps/api/dist/main.js` starts
 * (same settings, same start-up, the API's own build), plus the baseline endpoint of
 * bare-insert.module.ts. Built by bench/api/build.js into bench/dist/bench-api.js.
 */
import { exitOnStartFailure, startApi } from '@parallel/api/dist/main';
import { BenchModule } from './bare-insert.module';

startApi({ extraModules: [BenchModule] }).catch(exitOnStartFailure);
