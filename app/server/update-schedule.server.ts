/**
 * Scheduled investor updates (decision 025): every instance checks once a minute for updates whose
 * send time has come and sends them (app/models/investor-update.server.ts, sendDueUpdates). Safe
 * with several instances: each row is taken with FOR UPDATE SKIP LOCKED and is "sent" once
 * committed, so exactly one instance sends it. Runs never overlap within an instance; the timers
 * are unref'd and stopped at shutdown, like the purge schedule (app/jobs.server.ts).
 */
import type { Db } from "~db/client";
import { publicOrigin } from "~/env.server";
import { sendDueUpdates } from "~/models/investor-update.server";

export interface UpdateSchedule {
  stop(): void;
  /** One run now (tests); resolves when it is done. */
  runOnce(): Promise<void>;
}

/** `origin` of the mail's links defaults to APP_ORIGIN (a job has no request; publicOrigin). */
export function startUpdateSchedule(
  getDb: () => Promise<Db>,
  { firstMs = 10_000, everyMs = 60_000, now = () => new Date(), log = (line: string) => console.log(line), origin = publicOrigin() } = {},
): UpdateSchedule {
  let running: Promise<void> | null = null;
  const run = (): Promise<void> => {
    running ??= (async () => {
      try {
        const sent = await sendDueUpdates(await getDb(), origin, now());
        // Ids only: never a title, a body or an address.
        for (const id of sent) log(JSON.stringify({ level: "info", msg: "scheduled investor update sent", updateId: id }));
      } catch (error) {
        const reason = error instanceof Response ? `database unavailable (${error.status})` : (error as Error).message;
        log(JSON.stringify({ level: "warn", msg: "scheduled updates run failed", error: reason }));
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timers = [setTimeout(run, firstMs).unref(), setInterval(run, everyMs).unref()];
  return {
    stop: () => {
      for (const timer of timers) clearTimeout(timer);
    },
    runOnce: run,
  };
}
