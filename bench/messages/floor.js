'use strict';

const { spawn } = require('node:child_process');
const { join } = require('node:path');

/** Starts bench/messages/floor-server.js in its own process; resolves once it listens. */
function startFloorServer({ databaseUrl, port, poolSize }) {
  const child = spawn(process.execPath, [join(__dirname, 'floor-server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), POOL_SIZE: String(poolSize) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the floor server did not start within 15 s')), 15_000);
    child.once('exit', (code) => reject(new Error(`the floor server exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}` });
      }
    });
  });
}

module.exports = { startFloorServer };
