// Documents of an API: Markdown guides kept beside the definition, listed in the order they
// were first added. Rendering (and sanitising) them is the storefront's job.
import type { ApiDoc } from '../../../src-shared/docs.js';
import type { Db } from '../db/open.js';
import { notFound } from '../errors.js';
import { recordActivity } from '../tenancy/activity.js';
import { now } from './time.js';

type DocRow = { api_id: string; slug: string; title: string; markdown: string; updated_at: string };

type ApiRef = { id: string; name: string; domain: string };

const toDoc = (r: DocRow): ApiDoc => ({
  apiId: r.api_id,
  slug: r.slug,
  title: r.title,
  markdown: r.markdown,
  updatedAt: r.updated_at,
});

function apiRef(db: Db, apiId: string): ApiRef {
  const row = db
    .prepare(`SELECT a.id, a.name, t.domain FROM apis a JOIN tenants t ON t.id = a.tenant_id
      WHERE a.id = ?`)
    .get(apiId) as ApiRef | undefined;
  if (!row) throw notFound(`apiId: no API with id ${apiId}`);
  return row;
}

function findDoc(db: Db, apiId: string, slug: string): ApiDoc | null {
  const row = db
    .prepare(`SELECT api_id, slug, title, markdown, updated_at FROM api_documents
      WHERE api_id = ? AND slug = ?`)
    .get(apiId, slug) as DocRow | undefined;
  return row ? toDoc(row) : null;
}

export function listApiDocs(db: Db, apiId: string): ApiDoc[] {
  apiRef(db, apiId);
  const rows = db
    .prepare(`SELECT api_id, slug, title, markdown, updated_at FROM api_documents
      WHERE api_id = ? ORDER BY position, slug`)
    .all(apiId) as DocRow[];
  return rows.map(toDoc);
}

// One document, or not_found naming the API and slug; the storefront asks this for a page.
export function getApiDoc(db: Db, apiId: string, slug: string): ApiDoc {
  const doc = findDoc(db, apiId, slug);
  if (!doc) throw notFound(`API ${apiId} has no document ${slug}`);
  return doc;
}

export type DocInput = { slug: string; title: string; markdown: string };

// Creates the document, or replaces title and text of the one with this slug in place.
export function putApiDoc(db: Db, apiId: string, input: DocInput): ApiDoc {
  const api = apiRef(db, apiId);
  const before = findDoc(db, apiId, input.slug);
  const stamp = now();

  db.transaction(() => {
    if (before) {
      db.prepare(
        `UPDATE api_documents SET title = ?, markdown = ?, updated_at = ?
         WHERE api_id = ? AND slug = ?`,
      ).run(input.title, input.markdown, stamp, apiId, input.slug);
    } else {
      db.prepare(
        `INSERT INTO api_documents (api_id, slug, title, markdown, position, created_at,
           updated_at)
         VALUES (?, ?, ?, ?,
           (SELECT coalesce(max(position), 0) + 1 FROM api_documents WHERE api_id = ?), ?, ?)`,
      ).run(apiId, input.slug, input.title, input.markdown, apiId, stamp, stamp);
    }

    recordActivity(db, {
      action: before ? 'update' : 'create',
      entity: 'document',
      key: `${apiId}/${input.slug}`,
      tenant: api.domain,
      summary: `${before ? 'changed' : 'added'} document ${input.title} of API ${api.name}`,
      before: before && { title: before.title, markdown: before.markdown },
      after: { title: input.title, markdown: input.markdown },
    });
  })();
  return getApiDoc(db, apiId, input.slug);
}

export function deleteApiDoc(db: Db, apiId: string, slug: string): void {
  const api = apiRef(db, apiId);
  const before = getApiDoc(db, apiId, slug);

  db.transaction(() => {
    db.prepare(`DELETE FROM api_documents WHERE api_id = ? AND slug = ?`).run(apiId, slug);
    recordActivity(db, {
      action: 'delete',
      entity: 'document',
      key: `${apiId}/${slug}`,
      tenant: api.domain,
      summary: `removed document ${before.title} of API ${api.name}`,
      before: { title: before.title, markdown: before.markdown },
    });
  })();
}
