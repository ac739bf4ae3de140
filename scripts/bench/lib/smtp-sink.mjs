// An SMTP server on loopback that only counts what it receives, in a child process of its own
// as a real relay would be: its parsing must not share the event loop of the cms that sends.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Starts the server; resolves with its URL, `waitFor(count, onProgress)` which resolves once
 * that many mails arrived, and `close()`.
 */
export function startSmtpSink() {
  const child = fork(new URL(import.meta.url), ['--bench-smtp-sink'], { stdio: 'inherit' });
  const listeners = new Set();
  child.on('message', (message) => listeners.forEach((listener) => listener(message)));

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    const ready = (message) => {
      if (message.port === undefined) return;
      listeners.delete(ready);
      resolve({
        url: `smtp://127.0.0.1:${message.port}`,
        waitFor: (count, onProgress = () => {}) =>
          new Promise((done) => {
            const hear = ({ received }) => {
              if (received === undefined) return;
              onProgress(received);
              if (received < count) return;
              listeners.delete(hear);
              done(received);
            };
            listeners.add(hear);
            child.send({ notifyAt: count });
          }),
        close: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.send({ close: true });
          }),
      });
    };
    listeners.add(ready);
  });
}

function serve() {
  const { SMTPServer } = createRequire(import.meta.url)('smtp-server');
  let received = 0;
  let notifyAt = Infinity;
  // The first mail, a count now and then for progress, and the moment the awaited count is in.
  const tell = () => {
    if (received === 1 || received % 250 === 0 || received >= notifyAt) process.send({ received });
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        tell();
        callback();
      });
    },
  });

  process.on('message', (message) => {
    if (message.close) server.close(() => process.exit(0));
    if (message.notifyAt !== undefined) {
      notifyAt = message.notifyAt;
      tell();
    }
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
}

if (process.argv.includes('--bench-smtp-sink')) serve();
