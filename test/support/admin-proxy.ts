// A small TCP proxy in front of a gateway's admin port, for fault tests: it passes requests
// through, holds writes back for a while or for ever, and tells the test when a write
// arrives so the test can act (kill the gateway) while that write is in flight.
import net from 'node:net';

export type ProxyMode =
  | { kind: 'pass' }
  // Writes (anything but GET) are accepted and never forwarded nor answered.
  | { kind: 'stall-writes' }
  // Every request waits this long before it is forwarded.
  | { kind: 'delay'; ms: number };

export type AdminProxy = {
  url: string;
  mode: ProxyMode;
  // Called once per write request, right after its first bytes went to the gateway.
  onWrite: ((method: string, path: string) => void) | null;
  // Requests seen so far, as "METHOD /path".
  seen: string[];
  stop(): Promise<void>;
};

export async function startAdminProxy(targetPort: number): Promise<AdminProxy> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };

  const proxy: AdminProxy = {
    url: '',
    mode: { kind: 'pass' },
    onWrite: null,
    seen: [],
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = net.createServer((client) => {
    track(client);
    client.once('data', (first: Buffer) => {
      client.pause();
      void relay(client, first);
    });
  });

  async function relay(client: net.Socket, first: Buffer) {
    const [method = '', target = ''] = first.toString('latin1').split(' ', 2);
    proxy.seen.push(`${method} ${target}`);
    const write = method !== 'GET';
    const mode = proxy.mode;

    if (write && mode.kind === 'stall-writes') return;
    if (mode.kind === 'delay') await new Promise((r) => setTimeout(r, mode.ms));
    if (client.destroyed) return;

    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    upstream.once('connect', () => {
      // Caddy's admin endpoint accepts only its own address as Host; the request head
      // comes whole in the first chunk, so the header is rewritten there.
      const head = first
        .toString('latin1')
        .replace(/^host: [^\r\n]*/im, `Host: 127.0.0.1:${targetPort}`);
      upstream.write(Buffer.from(head, 'latin1'));
      if (write) proxy.onWrite?.(method, target);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    // The gateway went away: the client sees the connection drop, as it would without us.
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return proxy;
}
