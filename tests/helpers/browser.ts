import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags that keep the system's Chromium quiet on a closed network: without them it tries to
 * reach Google's services and hangs on those connections.
 */
const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Whether browser tests can run here; `why` says what is missing when they cannot. */
export function browserAvailable(): { ok: boolean; why?: string } {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    return { ok: false, why: `No Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH).` };
  }
  try {
    createRequire(__filename).resolve('playwright-core');
  } catch {
    return { ok: false, why: 'playwright-core is not installed.' };
  }
  return { ok: true };
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

export interface LaunchBrowserOptions {
  /** Extra Chromium flags, e.g. `--host-resolver-rules=MAP portal.test 127.0.0.1`. */
  args?: string[];
}

/** Starts the system's Chromium with a fresh profile folder and the quiet flags. */
export async function launchBrowser({
  args = [],
}: LaunchBrowserOptions = {}): Promise<LaunchedBrowser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'desk-chromium-'));

  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...QUIET_FLAGS, ...args],
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
