// The one contract between every shell (Electron preload, browser shell, CLI) and the core.
// Each method names its input schema (validated at runtime by the core before a handler
// runs) and its result schema. Add methods here; never call the core around this map.
import { z } from 'zod';
import {
  ApiDetail,
  ApiPatch,
  ApiSummary,
  BackendUrl,
  Branding,
  BrandingPatch,
  ConflictPolicy,
  ContextPath,
  Domain,
  EntityOutcome,
  Drift,
  Gateway,
  GATEWAY_KINDS,
  ImageMediaType,
  LIFECYCLE_STATES,
  Plan,
  PublishResult,
  Revision,
  StorefrontPage,
  Tenant,
  Tier,
  Version,
  WorkspaceInfo,
} from './model.js';
import { ApiDoc, DocMarkdown, DocSlug, DocTitle } from './docs.js';
import {
  AccessMatrix,
  ACTIVITY_ENTITIES,
  Activity,
  ApiLifecycle,
  Application,
  ApplicationName,
  AudienceText,
  ContextCollision,
  IssuedKey,
  Member,
  Role,
  RoleName,
  Subscription,
  TierInput,
  TierName,
  TierPatch,
  Username,
} from './tenancy.js';

const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'workspace.info': { input: none, output: WorkspaceInfo },

  'demo.create': {
    input: z.object({ force: z.boolean().default(false) }).strict(),
    // backup: where the replaced workspace was kept (only with force over a non-empty one).
    output: z.object({
      tenants: z.array(z.string()),
      apis: z.number().int(),
      backup: z.string().nullable(),
    }),
  },

  'tenant.list': { input: none, output: z.array(Tenant) },
  'tenant.get': { input: z.object({ domain: z.string() }).strict(), output: Tenant },
  'tenant.create': {
    input: z
      .object({
        domain: z.string().trim().min(1, 'domain is required'),
        name: z.string().trim().min(1, 'name is required').max(200),
        description: z.string().max(5000).default(''),
      })
      .strict(),
    output: Tenant,
  },
  'tenant.update': {
    input: z
      .object({
        domain: Domain,
        name: z.string().trim().min(1).max(200).optional(),
        description: z.string().max(5000).optional(),
      })
      .strict(),
    output: Tenant,
  },
  'tenant.delete': { input: z.object({ domain: Domain }).strict(), output: ok },

  'branding.get': { input: z.object({ domain: Domain }).strict(), output: Branding },
  'branding.update': {
    input: z.object({ domain: Domain, patch: BrandingPatch }).strict(),
    output: Branding,
  },
  'branding.setImage': {
    input: z
      .object({
        domain: Domain,
        slot: z.enum(['logo', 'favicon']),
        mediaType: ImageMediaType.nullable(),
        // Base64 of the file; null clears the slot.
        dataBase64: z.string().max(7_000_000).nullable(),
      })
      .strict(),
    output: Branding,
  },

  'api.list': {
    input: z
      .object({ tenant: Domain.optional(), query: z.string().max(200).optional() })
      .strict(),
    output: z.array(ApiSummary),
  },
  'api.get': { input: z.object({ id: z.string() }).strict(), output: ApiDetail },
  'api.import': {
    input: z
      .object({
        tenant: Domain,
        fileName: z.string().max(500),
        content: z.string().min(1, 'the file is empty'),
        context: ContextPath.optional(),
        version: Version.optional(),
        backend: BackendUrl.optional(),
      })
      .strict(),
    output: ApiDetail,
  },
  'api.update': {
    input: z.object({ id: z.string(), patch: ApiPatch }).strict(),
    output: ApiDetail,
  },
  'api.delete': { input: z.object({ id: z.string() }).strict(), output: ok },
  'api.definition': {
    input: z.object({ id: z.string() }).strict(),
    output: z.object({ format: z.enum(['json', 'yaml']), text: z.string() }),
  },
  // Markdown documents of an API; put creates the slug or replaces what it holds.
  'api.doc.list': { input: z.object({ apiId: z.string() }).strict(), output: z.array(ApiDoc) },
  'api.doc.put': {
    input: z
      .object({ apiId: z.string(), slug: DocSlug, title: DocTitle, markdown: DocMarkdown })
      .strict(),
    output: ApiDoc,
  },
  'api.doc.delete': {
    input: z.object({ apiId: z.string(), slug: z.string() }).strict(),
    output: ok,
  },

  'tier.list': { input: z.object({ tenant: Domain }).strict(), output: z.array(Tier) },

  'gateway.list': { input: none, output: z.array(Gateway) },
  'gateway.add': {
    input: z
      .object({
        name: z.string().trim().regex(/^[A-Za-z0-9._-]{1,60}$/, 'use letters, digits, . _ -'),
        kind: z.enum(GATEWAY_KINDS),
        adminUrl: BackendUrl,
        listen: z
          .string()
          .regex(/^[A-Za-z0-9.[\]:-]*:\d{1,5}$/, 'must be HOST:PORT or :PORT')
          .optional(),
        environment: z.string().trim().max(40).default('dev'),
        tenants: z.array(Domain).default([]),
        // The admin token (Kong-Admin-Token on Kong); stored, never returned or logged.
        token: z.string().min(1).max(4096).optional(),
        // Entity requests in flight at once on gateways that take one per entity.
        concurrency: z.number().int().min(1).max(64).optional(),
        // Put back the state before an apply that failed part way (on by default).
        restoreOnFailure: z.boolean().optional(),
        // Kong only: Enterprise puts each tenant in its own workspace (default oss).
        edition: z.enum(['oss', 'enterprise']).optional(),
      })
      .strict(),
    output: Gateway,
  },
  'gateway.remove': { input: z.object({ name: z.string() }).strict(), output: ok },
  'gateway.test': {
    input: z.object({ name: z.string() }).strict(),
    output: z.object({ reachable: z.boolean(), message: z.string() }),
  },

  'publish.plan': { input: z.object({ gateway: z.string() }).strict(), output: Plan },
  'publish.apply': { input: z.object({ gateway: z.string() }).strict(), output: PublishResult },
  // Stops the apply of that gateway running in this process between two requests; the
  // apply then restores what it had changed and fails saying so.
  // How far the apply of that gateway running in this process has got, entity by entity.
  'publish.progress': {
    input: z.object({ gateway: z.string() }).strict(),
    output: z.object({
      running: z.boolean(),
      // Whether this gateway kind can stop between requests (Kong), as publish.cancel needs.
      cancellable: z.boolean(),
      cancelling: z.boolean(),
      total: z.number().int(),
      completed: z.number().int(),
      failed: z.number().int(),
      recent: z.array(EntityOutcome),
    }),
  },
  'publish.cancel': {
    input: z.object({ gateway: z.string() }).strict(),
    output: z.object({ cancelled: z.boolean(), message: z.string() }),
  },
  'revision.list': {
    input: z.object({ gateway: z.string() }).strict(),
    output: z.array(Revision),
  },
  'revision.rollback': {
    input: z.object({ gateway: z.string(), number: z.number().int().min(1) }).strict(),
    output: PublishResult,
  },
  'publish.drift': { input: z.object({ gateway: z.string() }).strict(), output: Drift },

  'storefront.render': {
    input: z
      .object({
        domain: Domain,
        page: StorefrontPage,
        // Unsaved edits from the branding editor, so the preview follows every keystroke.
        brandingDraft: BrandingPatch.optional(),
        // Whose view: anonymous (the default), member, role:NAME or tenant:OTHER-DOMAIN.
        audience: AudienceText.optional(),
      })
      .strict(),
    output: z.object({ html: z.string() }),
  },
  'storefront.build': {
    input: z
      .object({
        domain: Domain,
        outDir: z.string().min(1, 'outDir is required'),
        audience: AudienceText.optional(),
      })
      .strict(),
    output: z.object({ dir: z.string(), files: z.number().int(), pages: z.number().int() }),
  },

  // A tenant's branding as a WSO2 API Manager tenant theme zip, and back.
  'theme.export': {
    input: z.object({ domain: Domain }).strict(),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
  'theme.import': {
    input: z
      .object({ domain: Domain, dataBase64: z.string().min(1, 'the theme file is empty') })
      .strict(),
    // Notes say what the theme set that the branding has no place for, and what was ignored.
    output: z.object({ branding: Branding, notes: z.array(z.string()) }),
  },

  ...tenancyMethods(),

  'bundle.export': {
    input: z.object({ domains: z.array(Domain).min(1) }).strict(),
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
  },
  'bundle.import': {
    input: z
      .object({
        dataBase64: z.string().min(1),
        onConflict: ConflictPolicy.default('fail'),
      })
      .strict(),
    // renamed maps a bundle's domain to the one it got under the rename policy.
    output: z.object({
      tenants: z.array(z.string()),
      apis: z.number().int(),
      renamed: z.record(z.string(), z.string()),
    }),
  },
} as const;

// Roles, members, tiers, applications, subscriptions, lifecycle, access and activity.
function tenancyMethods() {
  const tenant = z.object({ tenant: Domain }).strict();
  return {
    'role.list': { input: tenant, output: z.array(Role) },
    'role.add': {
      input: z
        .object({ tenant: Domain, name: RoleName, description: z.string().max(500).default('') })
        .strict(),
      output: Role,
    },
    'role.remove': { input: z.object({ tenant: Domain, name: z.string() }).strict(), output: ok },

    'member.list': { input: tenant, output: z.array(Member) },
    'member.add': {
      input: z
        .object({ tenant: Domain, username: Username, roles: z.array(RoleName).default([]) })
        .strict(),
      output: Member,
    },
    'member.set': {
      input: z.object({ tenant: Domain, username: z.string(), roles: z.array(RoleName) }).strict(),
      output: Member,
    },
    'member.remove': {
      input: z.object({ tenant: Domain, username: z.string() }).strict(),
      output: ok,
    },

    'tier.add': { input: z.object({ tenant: Domain, tier: TierInput }).strict(), output: Tier },
    'tier.update': {
      input: z.object({ tenant: Domain, name: TierName, patch: TierPatch }).strict(),
      output: Tier,
    },
    'tier.delete': { input: z.object({ tenant: Domain, name: z.string() }).strict(), output: ok },

    'application.list': {
      input: z.object({ tenant: Domain.optional() }).strict(),
      output: z.array(Application),
    },
    // The only answers that carry an API key in clear; show it once and drop it.
    'application.add': {
      input: z
        .object({
          tenant: Domain,
          name: ApplicationName,
          description: z.string().max(2000).default(''),
          owner: Username.optional(),
        })
        .strict(),
      output: IssuedKey,
    },
    'application.rotateKey': {
      // tenant may be left out when only one tenant has an application of this name.
      input: z.object({ tenant: Domain.optional(), name: z.string() }).strict(),
      output: IssuedKey,
    },
    'application.remove': {
      input: z.object({ tenant: Domain, name: z.string() }).strict(),
      output: ok,
    },

    'subscription.list': {
      input: z.object({ tenant: Domain.optional(), application: z.string().optional() }).strict(),
      output: z.array(Subscription),
    },
    'subscription.add': {
      input: z
        .object({
          // The application's tenant; may be left out when the name is unique.
          tenant: Domain.optional(),
          application: z.string(),
          apiId: z.string(),
          tier: z.string(),
        })
        .strict(),
      output: Subscription,
    },
    'subscription.remove': {
      input: z
        .object({ tenant: Domain.optional(), application: z.string(), apiId: z.string() })
        .strict(),
      output: ok,
    },

    'api.lifecycle': {
      input: z.object({ id: z.string(), state: z.enum(LIFECYCLE_STATES) }).strict(),
      output: ApiLifecycle,
    },
    'api.history': { input: z.object({ id: z.string() }).strict(), output: ApiLifecycle },

    'access.matrix': { input: tenant, output: AccessMatrix },
    // Routes that would clash on one gateway (or, without a gateway, on one serving all).
    'gateway.collisions': {
      input: z.object({ gateway: z.string().optional() }).strict(),
      output: z.array(ContextCollision),
    },

    'activity.list': {
      input: z
        .object({
          entity: z.enum(ACTIVITY_ENTITIES).optional(),
          tenant: Domain.optional(),
          limit: z.number().int().min(1).max(10_000).default(100),
        })
        .strict(),
      output: z.array(Activity),
    },
    // Takes back the newest change no undo has taken back yet (undone is its log entry);
    // refuses with conflict, changing nothing, when that change cannot be taken back whole.
    'activity.undo': {
      input: none,
      output: z.object({ undone: Activity, message: z.string() }),
    },
    // What activity.undo would do now: the change it would take back, or why it would refuse.
    'activity.undoable': {
      input: none,
      output: z.object({ entry: Activity.nullable(), refusal: z.string().nullable() }),
    },
  } as const;
}

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

// Errors travel as data: a stable code for programs and a message for people.
export const ERROR_CODES = [
  'bad_input',
  'not_found',
  'conflict',
  'invalid_definition',
  'gateway_error',
  'workspace_error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type WireError = { code: ErrorCode; message: string; details?: unknown };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

// The client side of the contract, implemented once per transport (preload, HTTP, direct).
export type Invoke = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
