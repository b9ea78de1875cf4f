// A real HTTP backend on a free loopback port that answers every request with what it saw,
// as JSON, so a test can tell which path, query and Host reached it through a gateway.
import http from 'node:http';
import type net from 'node:net';

export type EchoReply = {
  backend: string;
  method: string;
  path: string;
  query: string;
  host: string | null;
};

export type RunningBackend = { url: string; port: number; stop(): Promise<void> };

export async function startBackend(name = 'backend'): Promise<RunningBackend> {
  const server = http.createServer((req, res) => {
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const reply: EchoReply = {
      backend: name,
      method: req.method ?? '',
      path: q < 0 ? target : target.slice(0, q),
      query: q < 0 ? '' : target.slice(q),
      host: req.headers.host ?? null,
    };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(reply));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
