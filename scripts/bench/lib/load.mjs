// Load generation: a fixed number of calls spread over a number of concurrent callers.
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Runs `task(index)` `total` times with `concurrency` callers at once; latencies in ms.
 * `onProgress(done)` is called after every call.
 */
export async function runConcurrent(total, concurrency, task, onProgress = () => {}) {
  const latencies = [];
  let next = 0;
  const started = performance.now();

  async function caller() {
    while (next < total) {
      const index = next;
      next += 1;
      const begun = performance.now();
      await task(index).catch((error) => {
        const after = (performance.now() - begun).toFixed(0);
        throw new Error(`call ${index} failed after ${after} ms: ${error.message}`);
      });
      latencies.push(performance.now() - begun);
      onProgress(latencies.length);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { latencies, wallMs: performance.now() - started };
}

/**
 * A GET that resolves with the parsed body and fails on any status but `expect`. The agent
 * keeps connections open between calls, as the portal's server-side fetch does.
 */
export function httpGetter(baseUrl, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(baseUrl);

  return (path, token, expect = 200) =>
    new Promise((resolve, reject) => {
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      const request = http.get({ hostname, port, path, agent, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== expect) {
            reject(new Error(`GET ${path}: ${response.statusCode} ${body.slice(0, 300)}`));
          } else resolve(body ? JSON.parse(body) : null);
        });
      });
      request.on('error', (error) => reject(new Error(`GET ${path}: ${error.message}`)));
    });
}

/**
 * Samples this process's resident memory every `intervalMs`: the peak since the start and
 * the peak of each phase named with `phase(name)`, in MB.
 */
export function memorySampler(intervalMs = 25) {
  const mb = () => process.memoryUsage().rss / 1024 / 1024;
  const peaks = new Map();
  let current = 'start';
  const sample = () => peaks.set(current, Math.max(peaks.get(current) ?? 0, mb()));
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  sample();

  return {
    /** Starts a new phase; the previous one keeps its peak. */
    phase(name) {
      sample();
      current = name;
      sample();
    },
    peakOf: (name) => peaks.get(name) ?? NaN,
    /** The heap still in use after a full collection (MB): what the peaks held that was live. */
    liveHeap() {
      v8.setFlagsFromString('--expose-gc');
      vm.runInNewContext('gc')();
      return process.memoryUsage().heapUsed / 1024 / 1024;
    },
    peak: () => Math.max(...peaks.values()),
    stop() {
      sample();
      clearInterval(timer);
    },
  };
}
