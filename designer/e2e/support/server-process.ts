import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..", "..", "..");
const serverDll = join(repo, "hosts", "FormFlow.Server", "bin", "Debug", "net10.0", "FormFlow.Server.dll");

export interface RunningServer { url: string; stop(): Promise<void> }

/** Another build to run: a folder holding the server's `bin/` (its build output) and the apps' `dist/`. */
export interface OtherBuild { folder: string }

/**
 * Starts the built FormFlow server (run-e2e.sh builds it) on a free port with an empty temporary data folder, serving
 * designer/dist, with `args` after the common ones (rate limits raised: one test signs in many times from one
 * address), and waits until /health answers. `stop` ends it and removes the folder. `build` runs another copy
 * instead (the phone benchmark compares a saved build of main with this one).
 */
export async function startServer(args: string[], env: Record<string, string> = {}, build?: OtherBuild): Promise<RunningServer> {
  const dll = build ? join(build.folder, "bin", "FormFlow.Server.dll") : serverDll;
  const webRoot = build ? join(build.folder, "dist") : join(repo, "designer", "dist");
  if (!existsSync(dll)) throw new Error(`${dll} is missing: run designer/run-e2e.sh (it builds the server)`);
  const port = await freePort();
  const dataFolder = mkdtempSync(join(tmpdir(), "formflow-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const server = spawn("dotnet", [dll, `--urls=${url}`, `--FormFlow:DataFolder=${dataFolder}`,
    `--FormFlow:WebRoot=${webRoot}`, "--RateLimits:LoginPermits=100000", "--RateLimits:SubmissionPermits=100000", ...args],
  { cwd: dataFolder, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
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
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise(r => server.once("exit", r));
      }
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => typeof address === "object" && address ? ok(address.port) : fail(new Error("no port")));
    });
  });
}
