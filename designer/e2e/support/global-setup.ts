import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * Starts the built FormFlow server (run-e2e.sh builds it) in demo mode on a free port with an empty temporary data
 * folder, serving designer/dist, and stops it after the run. The address goes to the tests in FORMFLOW_E2E_URL.
 */
const repo = resolve(import.meta.dirname, "..", "..", "..");
const serverDll = join(repo, "hosts", "FormFlow.Server", "bin", "Debug", "net10.0", "FormFlow.Server.dll");

export default async function globalSetup(): Promise<() => Promise<void>> {
  const { url, stop } = await startServer();
  process.env.FORMFLOW_E2E_URL = url;
  return stop;
}

/**
 * A server of its own, in demo mode with an empty data folder: for a spec whose story must begin where the demo
 * begins, whatever the specs before it changed on the shared one. `stop` ends it and removes its data.
 */
export async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!existsSync(serverDll)) throw new Error(`${serverDll} is missing: run designer/run-e2e.sh (it builds the server)`);
  const port = await freePort();
  const dataFolder = mkdtempSync(join(tmpdir(), "formflow-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const server = spawn("dotnet", [serverDll, `--urls=${url}`, `--FormFlow:DataFolder=${dataFolder}`,
    `--FormFlow:WebRoot=${join(repo, "designer", "dist")}`, "--RateLimits:LoginPermits=100000", "--RateLimits:SubmissionPermits=100000"],
  { cwd: dataFolder, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORMFLOW_DEMO_PASSWORD: "demo" } });
  let log = "";
  server.stdout.on("data", chunk => { log = (log + chunk).slice(-20_000); });
  server.stderr.on("data", chunk => { log = (log + chunk).slice(-20_000); });

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { server.kill(); throw new Error(`the server did not answer /health within 120 s:\n${log}`); }
    await new Promise(r => setTimeout(r, 300));
  }
  return {
    url,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise(r => server.once("exit", r));
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => typeof address === "object" && address ? ok(address.port) : fail(new Error("no port")));
    });
  });
}
