// What the Kong fake knows of Kong's entities: the kinds, the defaults Kong fills in on every
// write, plugin config defaults, and which fields are unique. Taken from the Admin API
// reference as documented (Kong 3.x, OSS and Enterprise).
export type Kind =
  | 'services'
  | 'routes'
  | 'plugins'
  | 'consumers'
  | 'key-auths'
  | 'acls'
  | 'consumer_groups';

export const KINDS: Kind[] = [
  'services',
  'routes',
  'plugins',
  'consumers',
  'key-auths',
  'acls',
  'consumer_groups',
];

// Kinds only Kong Enterprise has.
export const ENTERPRISE_KINDS = new Set<Kind>(['consumer_groups']);

export type Entity = Record<string, unknown> & { id: string };

// Kong's own defaults per kind, filled in on every write as Kong does.
export function defaults(kind: Kind): Record<string, unknown> {
  switch (kind) {
    case 'services':
      return {
        name: null,
        protocol: 'http',
        host: null,
        port: 80,
        path: null,
        retries: 5,
        connect_timeout: 60000,
        write_timeout: 60000,
        read_timeout: 60000,
        tags: null,
        client_certificate: null,
        tls_verify: null,
        tls_verify_depth: null,
        ca_certificates: null,
        enabled: true,
      };
    case 'routes':
      return {
        name: null,
        protocols: ['http', 'https'],
        methods: null,
        hosts: null,
        paths: null,
        headers: null,
        https_redirect_status_code: 426,
        regex_priority: 0,
        strip_path: true,
        path_handling: 'v0',
        preserve_host: false,
        request_buffering: true,
        response_buffering: true,
        snis: null,
        sources: null,
        destinations: null,
        tags: null,
        service: null,
      };
    case 'plugins':
      return {
        name: null,
        instance_name: null,
        route: null,
        service: null,
        consumer: null,
        config: {},
        protocols: ['grpc', 'grpcs', 'http', 'https'],
        enabled: true,
        tags: null,
      };
    case 'consumers':
      return { username: null, custom_id: null, tags: null };
    case 'key-auths':
      return { consumer: null, key: null, ttl: null, tags: null };
    case 'acls':
      return { consumer: null, group: null, tags: null };
    case 'consumer_groups':
      return { name: null, tags: null };
  }
}

// Config defaults of the plugins Marquee uses, merged under what a request sets.
export const PLUGIN_CONFIG_DEFAULTS: Record<string, Record<string, unknown>> = {
  'rate-limiting': {
    second: null,
    minute: null,
    hour: null,
    day: null,
    month: null,
    year: null,
    limit_by: 'consumer',
    policy: 'local',
    fault_tolerant: true,
    hide_client_headers: false,
    error_code: 429,
    error_message: 'API rate limit exceeded',
  },
  'request-termination': { status_code: 503, message: null, body: null, content_type: null },
  'key-auth': {
    key_names: ['apikey'],
    hide_credentials: false,
    anonymous: null,
    key_in_header: true,
    key_in_query: true,
    key_in_body: false,
    run_on_preflight: true,
  },
  acl: { allow: null, deny: null, hide_groups_header: false, include_consumer_groups: false },
  'rate-limiting-advanced': {
    identifier: 'consumer',
    strategy: 'local',
    window_type: 'sliding',
    sync_rate: -1,
    hide_client_headers: false,
  },
};

// Enterprise-only plugins: an OSS Kong refuses them as unknown.
export const ENTERPRISE_PLUGINS = new Set(['rate-limiting-advanced']);

// Fields (or field sets) no two entities of a kind may share.
export const UNIQUE: Record<Kind, string[][]> = {
  services: [['name']],
  routes: [['name']],
  plugins: [['instance_name']],
  consumers: [['username'], ['custom_id']],
  'key-auths': [['key']],
  acls: [['consumer', 'group']],
  consumer_groups: [['name']],
};

// Fields that must be set on a write.
export const REQUIRED: Partial<Record<Kind, string[]>> = {
  services: ['host'],
  plugins: ['name'],
  'key-auths': ['consumer'],
  acls: ['consumer', 'group'],
  consumer_groups: ['name'],
};

// Foreign keys: field → kind it points at.
export const REFERENCES: [string, Kind][] = [
  ['service', 'services'],
  ['route', 'routes'],
  ['consumer', 'consumers'],
  ['consumer_group', 'consumer_groups'],
];

// What goes with an entity when it is deleted (Kong deletes a consumer's credentials and
// plugins with it; a consumer group's plugins and memberships with the group).
export const CASCADES: Partial<Record<Kind, Kind[]>> = {
  consumers: ['key-auths', 'acls', 'plugins'],
  consumer_groups: ['plugins'],
};
