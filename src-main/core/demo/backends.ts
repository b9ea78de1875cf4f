// The backends a demo API points at, read from the definition's own `servers`. Real
// definitions write server URLs with variables ("https://api.ebay.com{basePath}") or without
// a scheme ("//api.mastercard.com/..."), which the import default leaves empty; the demo
// resolves them so every API has a production backend that matches its provider.
type Server = { url?: unknown; description?: unknown; variables?: unknown };

export type Backends = { production: string | null; sandbox: string | null };

function resolveUrl(server: Server): string | null {
  if (typeof server.url !== 'string') return null;

  const variables = (server.variables ?? {}) as Record<string, { default?: unknown }>;
  let url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = variables[name]?.default;
    return typeof value === 'string' ? value : `{${name}}`;
  });
  if (url.startsWith('//')) url = `https:${url}`;

  return /^https?:\/\/[^{}\s]+$/.test(url) ? url : null;
}

export function definitionBackends(document: Record<string, unknown>): Backends {
  const servers = Array.isArray(document.servers) ? (document.servers as Server[]) : [];
  const resolved = servers.map((s) => ({
    url: resolveUrl(s),
    test: typeof s.description === 'string' && /\b(test|sandbox)\b/i.test(s.description),
  }));

  const production = resolved.find((s) => s.url && !s.test)?.url ?? resolved[0]?.url ?? null;
  const sandbox = resolved.find((s) => s.url && s.test && s.url !== production)?.url ?? null;
  return { production, sandbox };
}
