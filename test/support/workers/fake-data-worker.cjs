// A stand-in for dist/electron/data-worker.cjs that speaks the same protocol (electron/backend/worker-protocol.ts)
// but answers every call with who answered it (and the heap limits it was started with), so test/unit/electron/worker-routing.test.ts can check where
// worker-host.ts sends each call. Options ride in workerData beside the real config:
//   readerDelayMs  the reader posts 'ready' this late (a slow start);
//   readerFails    the reader posts 'fatal' instead of 'ready';
//   recovery       the writer starts in recovery mode with this problem.
/* eslint-disable */
const { parentPort, workerData, resourceLimits } = require('node:worker_threads');

const role = workerData.role || 'writer';
const instance = `${role}-${Math.random().toString(36).slice(2)}`;

function start() {
  if (role === 'reader' && workerData.readerFails) {
    parentPort.postMessage({ type: 'fatal', message: 'reader refused to start' });
    return;
  }
  const recovery = role === 'writer' ? workerData.recovery || null : null;
  parentPort.postMessage({ type: 'ready', schemaVersion: 1, backupPath: null, recovery });
  parentPort.on('message', (message) => {
    if (message.type === 'close') process.exit(0);
    const value = message.name === 'session.get' ? { recovery, role, instance } : { role, instance, name: message.name, limits: resourceLimits };
    parentPort.postMessage({ type: 'result', id: message.id, result: { ok: true, value } });
  });
}

setTimeout(start, role === 'reader' ? workerData.readerDelayMs || 0 : 0);
