// A real Caddy for the benchmarks, on free loopback ports of its own, stopped by its pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function baseConfig(adminPort, listen) {
  return {
    admin: { listen: `127.0.0.1:${adminPort}`, config: { persist: false } },
    apps: { http: { servers: { main: { listen: [listen], routes: [] } } } },
  };
}

export async function startCaddy() {
  const adminPort = await freePort();
  let listenPort = await freePort();
  while (listenPort === adminPort) listenPort = await freePort();
  const listen = `127.0.0.1:${listenPort}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-caddy-'));
  const file = path.join(dir, 'caddy.json');
  const config = baseConfig(adminPort, listen);
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn('caddy', ['run', '--config', file], {
    env: { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
    stdio: 'ignore',
  });
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${adminUrl}/config/`, { headers: { connection: 'close' } });
      await r.text();
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    adminUrl,
    listen,
    config,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function load(adminUrl, config) {
  const r = await fetch(`${adminUrl}/load`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(config),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`caddy /load: ${r.status} ${text}`);
}

export async function getConfig(adminUrl) {
  const r = await fetch(`${adminUrl}/config/`, { headers: { connection: 'close' } });
  return r.json();
}
