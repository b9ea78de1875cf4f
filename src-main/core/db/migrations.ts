// Numbered, append-only migrations. Each runs in one transaction together with the bump of
// PRAGMA user_version, so a crash leaves the workspace at the previous version, never between.
// Never edit a migration that has shipped: add the next number.
export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE tenants (
        id INTEGER PRIMARY KEY,
        domain TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE assets (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        media_type TEXT NOT NULL,
        data BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX assets_tenant ON assets(tenant_id);

      CREATE TABLE branding (
        tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        primary_color TEXT NOT NULL,
        accent_color TEXT NOT NULL,
        background_color TEXT NOT NULL,
        text_color TEXT NOT NULL,
        hero_title TEXT NOT NULL,
        hero_text TEXT NOT NULL,
        footer_text TEXT NOT NULL,
        theme TEXT NOT NULL CHECK (theme IN ('light', 'dark')),
        font_family TEXT NOT NULL,
        custom_css TEXT NOT NULL DEFAULT '',
        logo_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
        favicon_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL
      );

      CREATE TABLE apis (
        id TEXT PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        version TEXT NOT NULL,
        context TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        backend_production TEXT,
        backend_sandbox TEXT,
        lifecycle TEXT NOT NULL CHECK (lifecycle IN
          ('created','prototyped','published','blocked','deprecated','retired')),
        visibility TEXT NOT NULL CHECK (visibility IN ('public','restricted','private')),
        tags_json TEXT NOT NULL DEFAULT '[]',
        openapi_version TEXT NOT NULL,
        definition_format TEXT NOT NULL CHECK (definition_format IN ('json','yaml')),
        definition_text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, context, version)
      );
      CREATE INDEX apis_tenant ON apis(tenant_id);

      CREATE TABLE operations (
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        operation_id TEXT,
        summary TEXT NOT NULL DEFAULT '',
        tags_json TEXT NOT NULL DEFAULT '[]',
        deprecated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (api_id, ordinal)
      );

      CREATE TABLE tiers (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        rate_limit INTEGER,
        rate_unit TEXT NOT NULL CHECK (rate_unit IN ('second','minute','hour','day')),
        quota INTEGER,
        description TEXT NOT NULL DEFAULT '',
        UNIQUE (tenant_id, name)
      );

      CREATE TABLE api_tiers (
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        tier_id INTEGER NOT NULL REFERENCES tiers(id) ON DELETE CASCADE,
        PRIMARY KEY (api_id, tier_id)
      );

      CREATE TABLE gateways (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        admin_url TEXT NOT NULL,
        listen TEXT,
        environment TEXT NOT NULL DEFAULT 'dev',
        created_at TEXT NOT NULL
      );

      CREATE TABLE gateway_tenants (
        gateway_id INTEGER NOT NULL REFERENCES gateways(id) ON DELETE CASCADE,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        PRIMARY KEY (gateway_id, tenant_id)
      );

      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        gateway_id INTEGER NOT NULL REFERENCES gateways(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        desired_json TEXT NOT NULL,
        changes_json TEXT NOT NULL,
        summary TEXT NOT NULL,
        UNIQUE (gateway_id, number)
      );
    `,
  },
  {
    version: 2,
    name: 'catalog search',
    // Full-text search over what a person types into the catalog search: name, context,
    // tags, description and the operations' methods, paths and summaries. Rows share the
    // rowid of their API; a trigger keeps cascaded deletes (a tenant's APIs) out of it.
    sql: `
      CREATE VIRTUAL TABLE api_search USING fts5(
        name, context, tags, description, operations,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      INSERT INTO api_search (rowid, name, context, tags, description, operations)
        SELECT a.rowid, a.name, a.context, a.tags_json, a.description,
          coalesce((SELECT group_concat(o.method || ' ' || o.path || ' ' || o.summary, char(10))
                    FROM operations o WHERE o.api_id = a.id), '')
        FROM apis a;

      CREATE TRIGGER apis_search_delete AFTER DELETE ON apis BEGIN
        DELETE FROM api_search WHERE rowid = old.rowid;
      END;
    `,
  },
  {
    version: 3,
    name: 'tenancy',
    // Roles and members, who a restricted API is shown to and which tenants may subscribe,
    // applications with sealed keys and their subscriptions, each API's lifecycle history
    // and the workspace's activity log. Role, tier and tenant references cascade on purpose:
    // the core refuses removing a role or tier in use, naming what uses it, before SQLite
    // would ever see the delete; a whole tenant's removal takes all of it along.
    sql: `
      ALTER TABLE apis ADD COLUMN subscription_availability TEXT NOT NULL
        DEFAULT 'current-tenant'
        CHECK (subscription_availability IN ('current-tenant','all-tenants','specific-tenants'));

      CREATE TABLE roles (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      );

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        username TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, username)
      );

      CREATE TABLE member_roles (
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
        PRIMARY KEY (member_id, role_id)
      );

      CREATE TABLE api_roles (
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
        PRIMARY KEY (api_id, role_id)
      );
      CREATE INDEX api_roles_role ON api_roles(role_id);

      -- Domains, not tenant ids: an offer to a tenant outlives that tenant's removal from
      -- this workspace, as it would on a server where tenants come and go.
      CREATE TABLE api_available_tenants (
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        domain TEXT NOT NULL,
        PRIMARY KEY (api_id, domain)
      );

      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        owner TEXT,
        key_sealed TEXT NOT NULL,
        key_hint TEXT NOT NULL,
        key_created_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      );

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        tier_id INTEGER NOT NULL REFERENCES tiers(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        UNIQUE (application_id, api_id)
      );
      CREATE INDEX subscriptions_api ON subscriptions(api_id);
      CREATE INDEX subscriptions_tier ON subscriptions(tier_id);

      CREATE TABLE lifecycle_history (
        id INTEGER PRIMARY KEY,
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        from_state TEXT,
        to_state TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX lifecycle_history_api ON lifecycle_history(api_id, id);

      -- APIs that exist already start their history in the state they are in.
      INSERT INTO lifecycle_history (api_id, from_state, to_state, at)
        SELECT id, NULL, lifecycle, created_at FROM apis;

      -- The tenant as a domain, so the log keeps its meaning after a tenant is removed.
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create','update','delete')),
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        tenant TEXT,
        summary TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX activity_entity ON activity(entity, id);
      CREATE INDEX activity_tenant ON activity(tenant, id);
    `,
  },
  {
    version: 4,
    name: 'gateway credentials and settings',
    // The admin token of gateways that need one (Kong's Kong-Admin-Token), and per-gateway
    // publish settings as JSON (concurrency, timeouts, restore on failure) so new knobs
    // need no new migration.
    sql: `
      ALTER TABLE gateways ADD COLUMN credentials TEXT;
      ALTER TABLE gateways ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}';
    `,
  },
  {
    version: 5,
    name: 'storefront direction',
    // Existing storefronts keep reading left to right.
    sql: `
      ALTER TABLE branding ADD COLUMN direction TEXT NOT NULL DEFAULT 'ltr'
        CHECK (direction IN ('ltr', 'rtl'));
    `,
  },
  {
    version: 6,
    name: 'definitions beside their APIs',
    // A definition is kilobytes to megabytes; kept inside the apis row it sat in overflow
    // pages that every list and search walked through to reach the columns after it. Lists
    // never need it, so it lives in its own table, read only when asked for.
    sql: `
      CREATE TABLE api_definitions (
        api_id TEXT PRIMARY KEY REFERENCES apis(id) ON DELETE CASCADE,
        text TEXT NOT NULL
      );
      INSERT INTO api_definitions (api_id, text) SELECT id, definition_text FROM apis;
      ALTER TABLE apis DROP COLUMN definition_text;
    `,
  },
  {
    version: 7,
    name: 'api documents',
    // Guides written for an API's developers, in the order they were first added; the
    // position stays when a document is replaced, so an edit does not reorder the list.
    sql: `
      CREATE TABLE api_documents (
        api_id TEXT NOT NULL REFERENCES apis(id) ON DELETE CASCADE,
        slug TEXT NOT NULL,
        title TEXT NOT NULL,
        markdown TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (api_id, slug)
      );
    `,
  },
  {
    version: 8,
    name: 'undo in the activity log',
    // undoes: the entry an undo took back, so each undo reaches one change further back and
    // none is taken back twice. batch: the operation that wrote many entries in one go (a
    // bundle import, the demo); undo refuses those rather than take back one piece of them.
    sql: `
      ALTER TABLE activity ADD COLUMN undoes INTEGER;
      ALTER TABLE activity ADD COLUMN batch TEXT;
      CREATE INDEX activity_undoes ON activity(undoes);
    `,
  },
  {
    version: 9,
    name: 'storefront footer links',
    sql: `ALTER TABLE branding ADD COLUMN footer_links_json TEXT NOT NULL DEFAULT '[]';`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
