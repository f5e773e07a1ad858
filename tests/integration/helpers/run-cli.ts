import { Writable } from "node:stream";
import { run } from "@/lib/cli/run";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/**
 * `npm run claims -- …` in process, against the database at `url`: the same `run` the
 * command line calls, with its output captured (cli.test.ts keeps one real process).
 */
export async function claims(url: string, ...args: string[]): Promise<CliResult> {
  const out = collector();
  const err = collector();
  const code = await run(args, { stdout: out.stream, stderr: err.stream, env: { ...process.env, DATABASE_URL: url } });
  return { code, stdout: out.text(), stderr: err.text() };
}
