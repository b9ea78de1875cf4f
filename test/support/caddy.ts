// A real Caddy for tests: `caddy run` on a JSON config of its own, with its admin endpoint
// and HTTP listener on free loopback ports, its state in a temp folder, stopped by its pid.
// Never the system service, never port 2019.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './workspace.js';

export type CaddyPorts = { listenPort: number; listen: string };

export type CaddyConfig = Record<string, unknown>;

export type StartCaddyOptions = {
  // The config Caddy starts with, or a function of the ports it will get. The admin section
  // is always set to the instance's own loopback port, with autosave off. Omitted: one HTTP
  // server named `main` listening on `listen` with no routes.
  config?: CaddyConfig | ((ports: CaddyPorts) => CaddyConfig);
  binary?: string;
};

export type RunningCaddy = CaddyPorts & {
  adminUrl: string;
  // The pid of the current process; a restart gives a new one.
  readonly pid: number;
  // Caddy's log output so far, for error messages.
  output(): string;
  // Starts Caddy again on the same config file and ports once the process has ended (for
  // tests that kill it); the admin changes it held are gone, as on a real crash without
  // autosave.
  restart(): Promise<void>;
  stop(): Promise<void>;
};

const READY_WITHIN_MS = 10_000;
const STOP_WITHIN_MS = 5_000;
const OUTPUT_KEEP = 64 * 1024;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function twoFreePorts(): Promise<[number, number]> {
  for (;;) {
    const [a, b] = await Promise.all([freePort(), freePort()]);
    if (a !== b) return [a, b];
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function adminAnswers(adminUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${adminUrl}/config/`, { signal: AbortSignal.timeout(1_000) });
    await res.text();
    return res.ok;
  } catch {
    return false;
  }
}

function withAdmin(config: CaddyConfig, adminPort: number): CaddyConfig {
  const admin = (config.admin ?? {}) as Record<string, unknown>;
  const adminConfig = (admin.config ?? {}) as Record<string, unknown>;
  return {
    ...config,
    admin: {
      ...admin,
      listen: `127.0.0.1:${adminPort}`,
      config: { ...adminConfig, persist: false },
    },
  };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startCaddy(options: StartCaddyOptions = {}): Promise<RunningCaddy> {
  const [adminPort, listenPort] = await twoFreePorts();
  const ports = { listenPort, listen: `127.0.0.1:${listenPort}` };
  const base =
    typeof options.config === 'function'
      ? options.config(ports)
      : (options.config ??
        { apps: { http: { servers: { main: { listen: [ports.listen], routes: [] } } } } });
  const config = withAdmin(base, adminPort);

  const dir = tempDir('marquee-caddy-');
  const file = path.join(dir, 'caddy.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEEP);
  };
  let spawnFailure: Error | null = null;

  // Caddy keeps certificates and autosaves under HOME / XDG folders: point them at the temp
  // folder so a test never touches the user's or the system service's state.
  const launch = (): ChildProcess => {
    const c = spawn(options.binary ?? 'caddy', ['run', '--config', file], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        XDG_CONFIG_HOME: dir,
        XDG_DATA_HOME: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    c.stdout?.on('data', keep);
    c.stderr?.on('data', keep);
    spawnFailure = null;
    c.once('error', (e) => (spawnFailure = e));
    return c;
  };
  let child = launch();

  let stopped = false;
  // A test run that dies before its afterAll still takes this Caddy with it.
  const killOnExit = () => {
    if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, STOP_WITHIN_MS))) {
        process.kill(child.pid, 'SIGKILL');
        await waitForExit(child, STOP_WITHIN_MS);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const serversListen = JSON.stringify(config.apps ?? {}).includes(`:${listenPort}"`);
  const waitReady = async () => {
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      const failure = spawnFailure as Error | null;
      if (failure || child.exitCode !== null) {
        await stop();
        throw new Error(`caddy did not start: ${failure?.message ?? ''}\n${output.slice(-4000)}`);
      }
      const ready =
        (await adminAnswers(adminUrl)) && (!serversListen || (await canConnect(listenPort)));
      if (ready) return;
      if (Date.now() > deadline) {
        await stop();
        const tail = output.slice(-4000);
        throw new Error(`caddy was not ready within ${READY_WITHIN_MS} ms\n${tail}`);
      }
      await pause(50);
    }
  };
  await waitReady();

  const restart = async () => {
    if (!(await waitForExit(child, STOP_WITHIN_MS))) {
      throw new Error(`caddy (pid ${child.pid}) is still running; end it before a restart`);
    }
    child = launch();
    await waitReady();
  };

  return {
    ...ports,
    adminUrl,
    get pid() {
      return child.pid!;
    },
    output: () => output,
    restart,
    stop,
  };
}
