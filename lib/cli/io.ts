/**
 * Where a command writes and which environment it reads. The real CLI passes the process's;
 * tests pass their own and call `run` in process (starting tsx per call took seconds).
 */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** One line of output. */
export const println = (stream: NodeJS.WritableStream, text: string) => void stream.write(`${text}\n`);
