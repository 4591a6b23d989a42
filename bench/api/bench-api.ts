/**
 * The API for the message benchmark: exactly what `node apps/api/dist/main.js` starts
 * (same settings, same start-up, the API's own build), plus the baseline endpoint of
 * bare-insert.module.ts, and a clock that runs with real time but can be put ahead
 * (POST /api/bench/clock {aheadMs}): each parent's inbox terms, set by the benchmark's
 * cohort, bind only after their 24-hour notice. Built by bench/api/build.js into
 * bench/dist/bench-api.js.
 */
import { exitOnStartFailure, startApi } from '@parallel/api/dist/main';
import { BenchModule, benchClock } from './bare-insert.module';

startApi({ clock: benchClock, extraModules: [BenchModule] }).catch(exitOnStartFailure);
