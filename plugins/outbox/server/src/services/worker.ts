import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import { runAsJob } from '@desk/plugin-workflow';

import { readConfig } from '../config';
import { sendWhileDue } from '../drain';
import { scheduleFor } from '../schedule';

export const JOB_NAME = 'mail-outbox';

/** Mails per batch of a run: ten chunks of the pooled connections' claims. */
const RUN_BATCH = 300;

/** A run ends after this long even with mail left; the next tick takes up the rest. */
const RUN_BUDGET_MS = 60_000;

/** The mail worker: runs the outbox on a schedule in this process, one run at a time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let task: ScheduledTask | null = null;
  let running: Promise<void> | null = null;
  let stopping = false;

  /**
   * Sends batch after batch until nothing due is left: with one batch per tick, the 5,000
   * mails of a published request would take many minutes. A stopped worker ends its run
   * after the batch in hand, before the plugin closes the SMTP connections.
   */
  async function run(): Promise<void> {
    const outbox = strapi.plugin('outbox').service('outbox');
    const batch = () => outbox.processBatch({ limit: RUN_BATCH });
    await sendWhileDue(batch, { budgetMs: RUN_BUDGET_MS, stopping: () => stopping });
  }

  /** One run of the worker; a tick that finds the previous run still busy is skipped. */
  async function tick(): Promise<void> {
    if (running) return;
    running = runAsJob(JOB_NAME, run)
      .catch((error) => {
        strapi.log.error(`The mail worker stopped a run: ${(error as Error)?.message ?? error}`);
      })
      .finally(() => {
        running = null;
      });
    await running;
  }

  return {
    tick,

    start(): void {
      if (task) return;
      const { workerIntervalSeconds } = readConfig(strapi);
      task = cron.schedule(scheduleFor(workerIntervalSeconds), tick, { name: JOB_NAME });
      strapi.log.info(`The mail worker runs every ${workerIntervalSeconds} s.`);
    },

    /** Stops the schedule and waits for a run in hand to end after its current batch. */
    async stop(): Promise<void> {
      if (!task) return;
      await task.destroy();
      task = null;
      stopping = true;
      await running;
      stopping = false;
    },

    isRunning(): boolean {
      return task !== null;
    },
  };
};
