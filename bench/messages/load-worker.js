'use strict';

/**
 * The load generator, forked as its own process so that its CPU is not the API's:
 * autocannon with a fixed number of keep-alive connections, each sending the next
 * request as soon as the previous answer arrives (closed loop). Every request goes
 * to the next parent in the rotation, with a new Idempotency-Key.
 *
 * Job (IPC): { baseUrl, pathTemplate, targets: [{ caseId, token }], connections,
 *              seconds, amount?, keyPrefix }
 * Replies (IPC): { type: 'started' }, then { type: 'result', ... }.
 */
const autocannon = require('autocannon');

function messageText(sequence) {
  return (
    `Friday handover: I will collect the children from school at 15:30 and bring them back on Sunday at 17:00. ` +
    `Mia needs her swimming kit for Monday; it is in the blue bag. Please confirm. (${sequence})`
  );
}

function run(job) {
  const { baseUrl, pathTemplate, targets, connections, seconds, amount, keyPrefix } = job;
  let sequence = 0;
  const latencies = [];
  const latenciesByStatus = {};
  const timeline = [];
  let firstSentAt = null;
  let lastAnsweredAt = null;

  const startedAt = performance.now();
  const instance = autocannon(
    {
      url: baseUrl,
      connections,
      ...(amount ? { amount } : { duration: seconds }),
      timeout: 10,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const n = sequence++;
            const target = targets[n % targets.length];
            firstSentAt ??= performance.now();
            return {
              ...request,
              path: pathTemplate.replace('{caseId}', target.caseId),
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${target.token}`,
                'idempotency-key': `${keyPrefix}-${n}`,
              },
              body: JSON.stringify({ topic: 'schedule', text: messageText(n), urgent: false }),
            };
          },
        },
      ],
    },
    (error, result) => {
      clearTimeout(hardStop);
      if (error) {
        process.send({ type: 'error', message: error.message }, () => process.exit(1));
        return;
      }
      const elapsedMs = (lastAnsweredAt ?? performance.now()) - (firstSentAt ?? startedAt);
      process.send(
        {
          type: 'result',
          elapsedMs,
          built: sequence,
          latencies,
          latenciesByStatus,
          timeline,
          autocannon: {
            duration: result.duration,
            requestsAverage: result.requests.average,
            latency: result.latencies ?? result.latency,
            totalCompletedRequests: result.totalCompletedRequests,
            totalRequests: result.totalRequests,
            non2xx: result.non2xx,
            statusCodeStats: result.statusCodeStats,
            errors: result.errors,
            timeouts: result.timeouts,
            resets: result.resets,
          },
        },
        () => process.exit(0),
      );
    },
  );

  // With an amount, autocannon has no time limit of its own: the run is bounded by both.
  const hardStop = setTimeout(() => instance.stop(), seconds * 1000);

  instance.on('start', () => process.send({ type: 'started' }));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    lastAnsweredAt = now;
    latencies.push(responseTime);
    (latenciesByStatus[statusCode] ??= []).push(responseTime);
    const second = Math.floor((now - startedAt) / 1000);
    const bucket = (timeline[second] ??= {});
    bucket[statusCode] = (bucket[statusCode] ?? 0) + 1;
  });
}

process.once('message', (job) => {
  try {
    run(job);
  } catch (error) {
    process.send({ type: 'error', message: error.stack }, () => process.exit(1));
  }
});
