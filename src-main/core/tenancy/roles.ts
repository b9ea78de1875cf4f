// Roles of a tenant (partner, internal, …) and its members, each holding some of them. A
// restricted API is shown to the members holding one of its roles.
import type { Member, Role } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { conflict, notFound } from '../errors.js';
import type { Tenant } from '../../../src-shared/model.js';
import { now } from '../workspace/time.js';
import { recordActivity } from './activity.js';
import { apisRestrictedTo, nameSome } from './usage.js';

type RoleRow = { id: number; name: string; description: string; members: number; apis: number };

export function listRoles(db: Db, tenantId: number): Role[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.name, r.description,
         (SELECT count(*) FROM member_roles mr WHERE mr.role_id = r.id) AS members,
         (SELECT count(*) FROM api_roles ar WHERE ar.role_id = r.id) AS apis
       FROM roles r WHERE r.tenant_id = ? ORDER BY r.name`,
    )
    .all(tenantId) as RoleRow[];
  return rows.map(({ id: _id, ...role }) => role);
}

function roleRow(db: Db, tenant: Tenant, name: string): RoleRow {
  const row = db
    .prepare(`SELECT id, name, description, 0 AS members, 0 AS apis FROM roles
              WHERE tenant_id = ? AND name = ?`)
    .get(tenant.id, name) as RoleRow | undefined;
  if (!row) throw notFound(`${tenant.domain} has no role named ${name}`);
  return row;
}

export function addRole(db: Db, tenant: Tenant, name: string, description = ''): Role {
  if (db.prepare(`SELECT 1 FROM roles WHERE tenant_id = ? AND name = ?`).get(tenant.id, name)) {
    throw conflict(`${tenant.domain} already has a role named ${name}`);
  }

  db.transaction(() => {
    db.prepare(
      `INSERT INTO roles (tenant_id, name, description, created_at) VALUES (?, ?, ?, ?)`,
    ).run(tenant.id, name, description, now());
    recordActivity(db, {
      action: 'create',
      entity: 'role',
      key: name,
      tenant: tenant.domain,
      summary: `added role ${name}`,
      after: { name, description },
    });
  })();
  return listRoles(db, tenant.id).find((r) => r.name === name)!;
}

export function removeRole(db: Db, tenant: Tenant, name: string): void {
  const role = roleRow(db, tenant, name);
  const apis = apisRestrictedTo(db, role.id);
  if (apis.length > 0) {
    throw conflict(
      `role ${name} of ${tenant.domain} is in use: ${nameSome(apis)} ` +
        `${apis.length === 1 ? 'is' : 'are'} restricted to it`,
    );
  }

  // Who held it goes into the log, so an undo can give it back to them.
  const holders = (
    db.prepare(
      `SELECT m.username FROM member_roles mr JOIN members m ON m.id = mr.member_id
       WHERE mr.role_id = ? ORDER BY m.username`,
    ).all(role.id) as { username: string }[]
  ).map((m) => m.username);

  db.transaction(() => {
    // Members keep their other roles; this one simply goes from them.
    db.prepare(`DELETE FROM roles WHERE id = ?`).run(role.id);
    recordActivity(db, {
      action: 'delete',
      entity: 'role',
      key: name,
      tenant: tenant.domain,
      summary: `removed role ${name}`,
      before: { name, description: role.description, members: holders },
    });
  })();
}

type MemberRow = { id: number; username: string; created_at: string; roles: string | null };

const MEMBER_SELECT = `
  SELECT m.id, m.username, m.created_at,
    (SELECT group_concat(name, char(31)) FROM (
       SELECT r.name FROM member_roles mr JOIN roles r ON r.id = mr.role_id
       WHERE mr.member_id = m.id ORDER BY r.name)) AS roles
  FROM members m`;

const toMember = (r: MemberRow): Member => ({
  username: r.username,
  roles: r.roles ? r.roles.split('\u001f') : [],
  createdAt: r.created_at,
});

export function listMembers(db: Db, tenantId: number): Member[] {
  const rows = db
    .prepare(`${MEMBER_SELECT} WHERE m.tenant_id = ? ORDER BY m.username`)
    .all(tenantId) as MemberRow[];
  return rows.map(toMember);
}

export function findMember(db: Db, tenantId: number, username: string): Member | null {
  const row = db
    .prepare(`${MEMBER_SELECT} WHERE m.tenant_id = ? AND m.username = ?`)
    .get(tenantId, username) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

function setMemberRoles(db: Db, tenant: Tenant, memberId: number, roles: string[]): void {
  db.prepare(`DELETE FROM member_roles WHERE member_id = ?`).run(memberId);
  const link = db.prepare(`INSERT INTO member_roles (member_id, role_id) VALUES (?, ?)`);
  for (const name of roles) link.run(memberId, roleRow(db, tenant, name).id);
}

// Roles must exist first (`role add`): a typo in a role name would otherwise grant nothing
// without a word.
export function addMember(db: Db, tenant: Tenant, username: string, roles: string[]): Member {
  if (findMember(db, tenant.id, username)) {
    throw conflict(`${tenant.domain} already has a member ${username}`);
  }
  const wanted = [...new Set(roles)].sort();
  for (const name of wanted) roleRow(db, tenant, name);

  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO members (tenant_id, username, created_at) VALUES (?, ?, ?)`)
      .run(tenant.id, username, now());
    setMemberRoles(db, tenant, Number(lastInsertRowid), wanted);
    recordActivity(db, {
      action: 'create',
      entity: 'member',
      key: username,
      tenant: tenant.domain,
      summary: `added member ${username}`,
      after: { username, roles: wanted },
    });
  })();
  return findMember(db, tenant.id, username)!;
}

export function setMember(db: Db, tenant: Tenant, username: string, roles: string[]): Member {
  const before = findMember(db, tenant.id, username);
  if (!before) throw notFound(`${tenant.domain} has no member ${username}`);
  const wanted = [...new Set(roles)].sort();
  for (const name of wanted) roleRow(db, tenant, name);

  const id = (db.prepare(`SELECT id FROM members WHERE tenant_id = ? AND username = ?`).get(
    tenant.id,
    username,
  ) as { id: number }).id;
  db.transaction(() => {
    setMemberRoles(db, tenant, id, wanted);
    recordActivity(db, {
      action: 'update',
      entity: 'member',
      key: username,
      tenant: tenant.domain,
      summary: `changed the roles of ${username}`,
      before: { roles: before.roles },
      after: { roles: wanted },
    });
  })();
  return findMember(db, tenant.id, username)!;
}

export function removeMember(db: Db, tenant: Tenant, username: string): void {
  const before = findMember(db, tenant.id, username);
  if (!before) throw notFound(`${tenant.domain} has no member ${username}`);

  db.transaction(() => {
    db.prepare(`DELETE FROM members WHERE tenant_id = ? AND username = ?`).run(
      tenant.id,
      username,
    );
    recordActivity(db, {
      action: 'delete',
      entity: 'member',
      key: username,
      tenant: tenant.domain,
      summary: `removed member ${username}`,
      before: { username, roles: before.roles },
    });
  })();
}
