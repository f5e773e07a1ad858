import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** Clock ticks per second of /proc's utime/stime (100 on Linux almost everywhere; asked once). */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU-seconds (user + system) spent so far by every process of a process group: the app
 * server started detached (its own group) and any worker it forks. Read from /proc, so
 * other work on a shared machine does not count, unlike wall-clock throughput. Children
 * that already exited are counted through their parent's cutime/cstime. null off Linux.
 */
export function processGroupCpuSeconds(pgid: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces) in parentheses; see proc(5).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const group = Number(fields[2]); // pgrp (field 5)
    if (group !== pgid) continue;
    // utime, stime, cutime, cstime: fields 14-17
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / clockTicks();
}
