import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./tests/e2e/fixtures/env";

// Debian's Chromium (see README): Playwright's own browser download is unreachable here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.tmp/test-results",
  fullyParallel: false,
  workers: 1,
  // One retry: on a loaded 2-core CI machine a spec racing the page's own timing (a reveal, a hash
  // change) has failed now and then; Playwright reports it as flaky, and a spec that fails twice fails the run.
  retries: 1,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Runs first, on an empty user table: the one-time admin setup, then saves a session.
    { name: "first-run", testMatch: /first-run\.setup\.ts/ },
    { name: "app", testMatch: /.*\.spec\.ts/, dependencies: ["first-run"] },
  ],
  webServer: {
    // A fresh database, migrated and seeded, behind a production build.
    command: "bash tests/e2e/serve.sh",
    url: `${E2E_BASE_URL}/api/auth/providers`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DATABASE_URL: E2E_DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
