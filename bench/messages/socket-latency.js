'use strict';

const { io } = require('socket.io-client');
const { requestJson } = require('./http');
const { round, summarize } = require('./stats');

const wallNow = () => performance.timeOrigin + performance.now();

function connectSocket(baseUrl, parent, onReleased) {
  return new Promise((resolve, reject) => {
    const socket = io(baseUrl, { path: '/socket.io', auth: { token: parent.token }, transports: ['websocket'], reconnection: false, timeout: 15_000 });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`socket for ${parent.email} did not connect within 15 s`));
    }, 15_000);
    socket.on('message.released', (payload) => onReleased(parent, payload));
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`socket for ${parent.email} refused: ${error.message}`));
    });
  });
}

/**
 * Release-to-socket latency with every parent connected: `sends` messages at a fixed
 * pace (open loop, far below saturation), each from the next parent in the rotation
 * to the other parent of the case. For each message, three intervals end when its
 * `message.released` event reaches the recipient's socket client:
 *  - fromSendStart: from the moment the sender's HTTP request started;
 *  - fromResponse: from the moment the sender had the 201 answer (negative when the
 *    event reached the recipient before the answer reached the sender);
 *  - fromServerSentAt: from the sentAt the API stamped (ms precision, same clock).
 */
async function measureReleaseToSocket({ baseUrl, parents, sends, ratePerSecond, keyPrefix, log }) {
  const arrivals = new Map();
  const misdelivered = [];
  const onReleased = (parent, payload) => {
    const at = performance.now();
    const wall = wallNow();
    for (const message of payload.messages) {
      arrivals.set(message.id, { at, wall, recipientId: parent.userId, caseId: payload.caseId, deliveredAt: message.deliveredAt, sentAt: message.sentAt });
    }
  };

  log(`release-to-socket: connecting ${parents.length} parents by socket.io...`);
  const sockets = await Promise.all(parents.map((parent) => connectSocket(baseUrl, parent, onReleased)));
  try {
    log(`release-to-socket: sending ${sends} messages at ${ratePerSecond}/s...`);
    const intervalMs = 1000 / ratePerSecond;
    const sent = [];
    const inFlight = [];
    const firstAt = performance.now();
    for (let i = 0; i < sends; i++) {
      // Fixed schedule: a slow answer does not delay the next send (open loop).
      const due = firstAt + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sender = parents[i % parents.length];
      inFlight.push(
        requestJson(baseUrl, 'POST', `/api/cases/${sender.caseId}/messages`, {
          token: sender.token,
          headers: { 'idempotency-key': `${keyPrefix}-${i}` },
          body: { topic: 'schedule', text: `Release latency probe ${i}: school pick-up moves to 15:45 tomorrow.`, urgent: false },
        }).then((response) => sent.push({ ...response, sender })),
      );
    }
    await Promise.all(inFlight);

    const accepted = sent.filter((s) => s.status === 201);
    const deadline = performance.now() + 5000;
    while (accepted.some((s) => !arrivals.has(s.body.id)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    const fromSendStart = [];
    const fromResponse = [];
    const fromServerSentAt = [];
    const http = [];
    let eventBeforeResponse = 0;
    let missing = 0;
    for (const send of accepted) {
      http.push(send.finishedAt - send.startedAt);
      const arrival = arrivals.get(send.body.id);
      if (!arrival) {
        missing += 1;
        continue;
      }
      if (arrival.recipientId !== send.sender.otherUserId || arrival.caseId !== send.sender.caseId) misdelivered.push(send.body.id);
      fromSendStart.push(arrival.at - send.startedAt);
      fromResponse.push(arrival.at - send.finishedAt);
      fromServerSentAt.push(arrival.wall - Date.parse(arrival.sentAt));
      if (arrival.at < send.finishedAt) eventBeforeResponse += 1;
    }
    const statusCounts = {};
    for (const send of sent) statusCounts[send.status] = (statusCounts[send.status] ?? 0) + 1;
    const result = {
      sends,
      ratePerSecond,
      connectedSockets: sockets.length,
      statusCounts,
      eventsReceived: accepted.length - missing,
      eventsMissing: missing,
      eventsToTheWrongParent: misdelivered.length,
      eventBeforeHttpResponse: eventBeforeResponse,
      eventBeforeHttpResponsePercent: round((eventBeforeResponse / Math.max(1, accepted.length - missing)) * 100, 1),
      latencyMs: {
        fromSendStart: summarize(fromSendStart),
        fromResponse: summarize(fromResponse),
        fromServerSentAt: summarize(fromServerSentAt),
        httpSend: summarize(http),
      },
    };
    log(
      `release-to-socket: p50/p99 from send start ${result.latencyMs.fromSendStart.p50}/${result.latencyMs.fromSendStart.p99} ms, ` +
        `from the 201 ${result.latencyMs.fromResponse.p50}/${result.latencyMs.fromResponse.p99} ms; ${missing} missing`,
    );
    return result;
  } finally {
    for (const socket of sockets) socket.close();
  }
}

module.exports = { measureReleaseToSocket };
