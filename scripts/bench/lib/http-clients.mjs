// The HTTP clients of the list benchmark, run in a child process: their own parsing and
// connection work would otherwise share the event loop, and the memory, of the cms they
// are measuring.
import { fork } from 'node:child_process';

import { httpGetter, runConcurrent } from './load.mjs';

/**
 * Runs `calls` GETs, the i-th one of `plan[i % plan.length]` (a path and a bearer token), after
 * a warm-up, `concurrency` at once, in a child process. `onProgress(done, total)` hears from it
 * now and then; resolves with the latencies (ms) and the wall time of the measured calls.
 */
export function measureInChild(options, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), ['--bench-http-clients'], { stdio: 'inherit' });
    child.on('message', (message) => {
      if (message.progress !== undefined) onProgress(message.progress, options.calls);
      else if (message.error) reject(new Error(message.error));
      else resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => code && reject(new Error(`the HTTP clients stopped (${code})`)));
    child.send(options);
  });
}

async function clients({ baseUrl, plan, calls, concurrency, warmUp, expect }) {
  const get = httpGetter(baseUrl, concurrency);
  const call = (index) => {
    const { path, token } = plan[index % plan.length];
    return get(path, token, expect);
  };
  const step = Math.max(1, Math.round(calls / 10));
  const report = (done) => done % step === 0 && process.send({ progress: done });

  await runConcurrent(warmUp, concurrency, call);
  return runConcurrent(calls, concurrency, call, report);
}

if (process.argv.includes('--bench-http-clients')) {
  process.once('message', (options) =>
    clients(options).then(
      (result) => process.send(result, () => process.exit(0)),
      (error) => process.send({ error: error.message }, () => process.exit(1)),
    ),
  );
}
