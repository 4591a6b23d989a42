'use strict';

const { readFileSync } = require('node:fs');
const { round } = require('./stats');

/** Which part of the stack a sampled function belongs to: a package, the app, the domain lib, Node, or V8. */
function areaOf(callFrame) {
  const url = callFrame.url || '';
  if (url.endsWith('/bench/messages/profile-preload.js')) return '(the profiler itself)';
  if (!url) {
    const name = callFrame.functionName;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
    return '(native / V8 builtins)';
  }
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = url.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/apps/api/dist/')) return `api: ${url.split('/apps/api/dist/')[1].split('/')[0]}`;
  if (url.includes('/libs/domain/')) return '@parallel/domain';
  return url;
}

const UNOWNED = new Set(['(native / V8 builtins)', 'node core']);

/**
 * Self time by area and by function, from a V8 .cpuprofile; and by owner: time in V8
 * builtins and Node core is charged to the nearest calling package or app module, so
 * a socket write made for nodemailer counts as nodemailer's.
 */
function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownerOf = (id) => {
    const own = areaOf(byId.get(id).callFrame);
    if (!UNOWNED.has(own)) return own;
    for (let up = parentOf.get(id); up !== undefined; up = parentOf.get(up)) {
      const area = areaOf(byId.get(up).callFrame);
      if (!UNOWNED.has(area) && !area.startsWith('(')) return area;
    }
    return own;
  };
  const selfMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const areas = new Map();
  const owners = new Map();
  const functions = new Map();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id).callFrame;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    const key = `${frame.functionName || '(anonymous)'} ${area}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const share = (entries, limit = top) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms: round(ms, 0), percent: round((ms / totalMs) * 100, 1) }));
  return { profiledMs: round(totalMs, 0), byOwner: share(owners), byArea: share(areas), byFunction: share(functions, 25) };
}

module.exports = { summarizeProfile };
