import { startServer } from "./server-process";

/**
 * Starts the server in demo mode for the run (fresh data folder, random port) and stops it after; the address goes
 * to the tests in FORMFLOW_E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer([], { FORMFLOW_DEMO_PASSWORD: "demo" });
  process.env.FORMFLOW_E2E_URL = server.url;
  return server.stop;
}
