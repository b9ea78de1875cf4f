// What Marquee derives from a definition: the API's name, version, description, tags, a
// default context and backend, and the list of operations.
import type { Operation } from '../../../src-shared/model.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Doc = Record<string, unknown>;

const asObj = (v: unknown): Doc => (v && typeof v === 'object' ? (v as Doc) : {});
const asStr = (v: unknown): string => (typeof v === 'string' ? v : '');

export type DefinitionFacts = {
  name: string;
  version: string;
  description: string;
  tags: string[];
  server: string | null;
  operations: Operation[];
};

export function extractFacts(doc: Doc): DefinitionFacts {
  const info = asObj(doc.info);
  const operations: Operation[] = [];

  for (const [path, item] of Object.entries(asObj(doc.paths))) {
    const pathItem = asObj(item);
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op || typeof op !== 'object') continue;
      const o = op as Doc;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: asStr(o.operationId) || null,
        summary: asStr(o.summary) || asStr(o.description).split('\n')[0].slice(0, 300),
        tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [],
        deprecated: o.deprecated === true,
      });
    }
  }

  const declaredTags = Array.isArray(doc.tags)
    ? doc.tags.map((t) => asStr(asObj(t).name)).filter(Boolean)
    : [];
  const usedTags = [...new Set(operations.flatMap((o) => o.tags))];

  return {
    name: asStr(info.title).trim() || 'Untitled API',
    version: asStr(info.version).trim() || '1.0.0',
    description: asStr(info.description),
    tags: (declaredTags.length > 0 ? declaredTags : usedTags).slice(0, 20),
    server: serverUrl(doc),
    operations,
  };
}

function serverUrl(doc: Doc): string | null {
  if (Array.isArray(doc.servers)) {
    const url = asStr(asObj(doc.servers[0]).url);
    return /^https?:\/\//.test(url) && !url.includes('{') ? url : null;
  }
  const host = asStr(doc.host);
  if (!host) return null;
  const schemes = Array.isArray(doc.schemes) ? doc.schemes : [];
  const scheme = schemes.includes('https') ? 'https' : (asStr(schemes[0]) || 'https');
  return `${scheme}://${host}${asStr(doc.basePath)}`;
}

// A context from the title: "Swagger Petstore" -> /swagger-petstore.
export function contextFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return '/' + (slug || 'api');
}

// Versions from definitions are free text ("2022-11-28", "v1 beta"); routes need a segment.
export function versionSegment(version: string): string {
  const v = version.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return (v || '1.0.0').slice(0, 40);
}
