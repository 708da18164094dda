// What the commands that take one file (db:backup, db:restore) share: the file argument, and a
// failure as one line on stderr with exit code 1.
import { parseEnv } from "../../app/env.server";

/**
 * Runs `work` on the file named on the command line (`npm run db:<command> -- <file>`) with the
 * configured environment. No file: the usage line and exit code 2.
 */
export async function runFileCommand(command: string, work: (file: string, env: ReturnType<typeof parseEnv>) => Promise<void>): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error(`Usage: npm run db:${command} -- <file>`);
    process.exit(2);
  }
  const env = parseEnv(process.env);
  try {
    await work(file, env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
