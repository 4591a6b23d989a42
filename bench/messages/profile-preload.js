'use strict';

/**
 * Loaded into the API process only for `--profile` runs (node -r), which spawn it with
 * an IPC channel: { profile: 'start' } starts the V8 sampling profiler, { profile:
 * 'stop' } writes BENCH_PROFILE_FILE and answers { profiled: true }, so the profile
 * covers exactly one measured phase. (Not a signal: Nest's shutdown hooks claim
 * SIGUSR2, and SIGUSR1 opens the inspector.)
 */
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new inspector.Session();
session.connect();
// The channel must not keep the API alive on its own.
process.channel?.unref();

process.on('message', (message) => {
  if (message?.profile === 'start') {
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
  } else if (message?.profile === 'stop') {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(result.profile));
      process.send?.({ profiled: !error, error: error?.message });
    });
  }
});
