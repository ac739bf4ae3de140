import type { Core } from '@strapi/strapi';

import type { DemoLogin } from './context';

const COLUMNS: [keyof DemoLogin, string][] = [
  ['where', 'Where'],
  ['email', 'E-mail'],
  ['password', 'Password'],
  ['who', 'Who'],
];

/** The logins as a text table, one line per login, columns padded to their widest value. */
export function loginTable(logins: DemoLogin[]): string[] {
  const widths = COLUMNS.map(([key, title]) =>
    Math.max(title.length, ...logins.map((login) => login[key].length)),
  );
  const row = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]))
      .join('  ')
      .trimEnd();

  return [
    row(COLUMNS.map(([, title]) => title)),
    row(widths.map((width) => '-'.repeat(width))),
    ...logins.map((login) => row(COLUMNS.map(([key]) => login[key]))),
  ];
}

/**
 * Logs the demo logins as a table. The only place the desk logs a password: these are
 * public demo passwords of a demo database, never real ones.
 */
export function printDemoLogins(strapi: Core.Strapi, logins: DemoLogin[]): void {
  if (logins.length === 0) return;

  strapi.log.info(
    ['Demo logins (demo data only; every password here is public):', ...loginTable(logins)].join(
      '\n',
    ),
  );
}
