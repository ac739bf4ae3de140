/**
 * The portal's one logger: a JSON line per event on stdout (info) or stderr (warn, error).
 *
 * Callers pass ids and codes as fields, never payloads: page data can hold personal details.
 */

type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/** A logger whose lines carry `scope`, for example "branding" or "cms". */
export function createLogger(scope: string): Logger {
  const write = (level: Level, message: string, fields: Fields = {}) => {
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      scope,
      message,
      ...fields,
    });
    (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
  };

  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
