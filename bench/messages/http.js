'use strict';

const http = require('node:http');

// Keep-alive, like a browser or app client; set-up and paced sends reuse connections.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * A JSON request against the API. Resolves with the status, the parsed body and the
 * client-side start/finish times (performance.now(), ms) so callers can time it.
 */
function requestJson(baseUrl, method, path, { token, body, headers = {}, timeoutMs = 30_000 } = {}) {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const requestHeaders = { accept: 'application/json', ...headers };
  if (payload) {
    requestHeaders['content-type'] = 'application/json';
    requestHeaders['content-length'] = payload.length;
  }
  if (token) requestHeaders.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const req = http.request(url, { method, headers: requestHeaders, agent, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const finishedAt = performance.now();
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode, body: parsed, startedAt, finishedAt });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Like requestJson, but any status other than `expected` is an error naming the route and the body. */
async function expectStatus(expected, baseUrl, method, path, options) {
  const response = await requestJson(baseUrl, method, path, options);
  if (response.status !== expected) {
    throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${JSON.stringify(response.body).slice(0, 500)}`);
  }
  return response.body;
}

/** Runs `work` over `items` with at most `limit` in flight; stops at the first failure. */
async function forEachLimited(items, limit, work) {
  let next = 0;
  let failure = null;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (error) {
        failure ??= error;
      }
    }
  });
  await Promise.all(runners);
  if (failure) throw failure;
}

function closeAgent() {
  agent.destroy();
}

module.exports = { requestJson, expectStatus, forEachLimited, closeAgent };
