import "server-only";
import { db } from "../db/client";
import { databaseUrl, engineOf } from "../db/database-url";
import { LIVE_CHANNEL } from "../db/live-events";
import { env } from "../env";
import { createInProcessBus, type LiveBus } from "./bus";
import { DEFAULT_LIMITS, type HubLimits, LiveHub } from "./hub";
import { createPostgresBus } from "./postgres-bus";

// One bus and one hub per app server process, kept on globalThis so that dev-mode reloads
// do not open a second LISTEN connection.
const state = globalThis as unknown as { claimbookLiveHub?: LiveHub; claimbookLiveBus?: LiveBus };

/** This server's hub, created (with its bus) by the first page that subscribes. */
export function liveHub(): LiveHub {
  if (!state.claimbookLiveHub) {
    const url = databaseUrl();
    const bus = engineOf(url) === "postgres" ? createPostgresBus(url, LIVE_CHANNEL) : createInProcessBus();
    state.claimbookLiveBus = bus;
    state.claimbookLiveHub = new LiveHub(db, bus, configuredLimits());
  }
  return state.claimbookLiveHub;
}

function configuredLimits(): HubLimits {
  const settings = env();
  return {
    ...DEFAULT_LIMITS,
    perUser: Number(settings.CLAIMBOOK_LIVE_MAX_STREAMS_PER_USER ?? DEFAULT_LIMITS.perUser),
    total: Number(settings.CLAIMBOOK_LIVE_MAX_STREAMS ?? DEFAULT_LIMITS.total),
    viewersInPresence: settings.CLAIMBOOK_LIVE_PRESENCE_OF_VIEWERS !== "hidden",
  };
}

/**
 * Called after a write committed (lib/auth/guarded-write.ts): nudges this server's hub, if
 * any page subscribed here. A process without a hub (the CLI, a script) opens no bus for it;
 * on PostgreSQL its writes still reach every server through the NOTIFY sent at commit.
 */
export function announceLiveChange(): void {
  state.claimbookLiveBus?.announce();
}

/** Closes this process's hub and bus (tests; a server's streams end with the process otherwise). */
export async function closeLiveServer(): Promise<void> {
  await state.claimbookLiveHub?.close();
  await state.claimbookLiveBus?.close();
  state.claimbookLiveHub = undefined;
  state.claimbookLiveBus = undefined;
}
