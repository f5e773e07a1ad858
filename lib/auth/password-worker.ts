import "server-only";
import { Worker } from "node:worker_threads";

// bcrypt is deliberately slow (~0.25 s of CPU at cost 12). Run on the event loop, a handful
// of anonymous sign-in attempts would stall every other request of the server. So hashing
// runs on one worker thread, one job at a time, and the queue in front of it is bounded:
// at most one core goes to hashing, and a flood of attempts is refused ("busy") instead of
// growing an unbounded backlog.

/** Jobs waiting for the hashing thread beyond this are refused. */
export const MAX_QUEUED_HASH_JOBS = 16;

export class HashingBusyError extends Error {
  constructor() {
    super("Too many sign-ins are being checked right now. Try again in a few seconds.");
  }
}

type Job = { op: "hash"; password: string; cost: number } | { op: "compare"; password: string; hash: string };

// Evaluated as a CommonJS script in the worker; bcryptjs resolves from the app's node_modules.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ id, job }) => {
  const done = (result) => parentPort.postMessage({ id, result });
  const failed = (error) => parentPort.postMessage({ id, error: String(error && error.message || error) });
  const work = job.op === "hash" ? bcrypt.hash(job.password, job.cost) : bcrypt.compare(job.password, job.hash);
  work.then(done, failed);
});
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

class HashingThread {
  #worker: Worker | undefined;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #running = 0;
  #queue: Array<() => void> = [];
  /** Jobs started since the process began (for tests and benchmarks). */
  started = 0;

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (error === undefined) pending?.resolve(result);
      else pending?.reject(new Error(error));
    });
    worker.on("error", (error) => this.#failAll(error));
    worker.on("exit", () => {
      this.#worker = undefined;
      this.#failAll(new Error("The password hashing thread stopped."));
    });
    this.#worker = worker;
    return worker;
  }

  #failAll(error: Error) {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  /** Runs one job on the thread; at most one at a time, at most MAX_QUEUED_HASH_JOBS waiting. */
  async run<T>(job: Job): Promise<T> {
    if (this.#running > 0) {
      if (this.#queue.length >= MAX_QUEUED_HASH_JOBS) throw new HashingBusyError();
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    this.#running++;
    this.started++;
    try {
      const worker = this.#start();
      worker.ref();
      const id = this.#nextId++;
      return await new Promise<T>((resolve, reject) => {
        this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, job });
      });
    } finally {
      this.#running--;
      const next = this.#queue.shift();
      if (next) next();
      // An idle hashing thread must not keep a CLI command or a test process alive.
      else this.#worker?.unref();
    }
  }

  /** How many jobs are running or waiting (for tests and benchmarks). */
  get load(): number {
    return this.#running + this.#queue.length;
  }
}

const cache = globalThis as unknown as { claimbookHashingThread?: HashingThread };
if (!cache.claimbookHashingThread) cache.claimbookHashingThread = new HashingThread();
export const hashingThread: HashingThread = cache.claimbookHashingThread;
