import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import { runAsJob } from '@desk/plugin-workflow';

import { readConfig } from '../config';
import { scheduleFor } from '../schedule';

export const JOB_NAME = 'mail-outbox';

/** The mail worker: runs the outbox on a schedule in this process, one run at a time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let task: ScheduledTask | null = null;
  let running = false;

  /** One run of the worker; a tick that finds the previous run still busy is skipped. */
  async function tick(): Promise<void> {
    if (running) return;
    running = true;
    try {
      await runAsJob(JOB_NAME, () => strapi.plugin('outbox').service('outbox').processBatch());
    } catch (error) {
      strapi.log.error(`The mail worker stopped a run: ${(error as Error)?.message ?? error}`);
    } finally {
      running = false;
    }
  }

  return {
    tick,

    start(): void {
      if (task) return;
      const { workerIntervalSeconds } = readConfig(strapi);
      task = cron.schedule(scheduleFor(workerIntervalSeconds), tick, { name: JOB_NAME });
      strapi.log.info(`The mail worker runs every ${workerIntervalSeconds} s.`);
    },

    async stop(): Promise<void> {
      if (!task) return;
      await task.destroy();
      task = null;
    },

    isRunning(): boolean {
      return task !== null;
    },
  };
};
