/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (a script piping
 * the output gets no escape codes), and at most ten times a second.
 */
export function createProgressBar(
  label: string,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  unit = "claims",
) {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${unit}`);
    },
    finish() {
      if (enabled) stream.write("\n");
    },
  };
}
