// The core answers bad input as "tier.name: use …; tier.quota: …". These split such a message
// into one message per form field and whatever is left for a general alert.
export function fieldErrors<F extends string>(
  message: string,
  prefix: string,
  fields: readonly F[],
): { fields: Partial<Record<F, string>>; rest: string | null } {
  const found: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  const head = prefix ? `${prefix}.` : '';
  for (const part of message.split('; ')) {
    const m = /^([A-Za-z.]+?)(?:\.\d+)?: (.*)$/.exec(part);
    const field = m && m[1].startsWith(head) ? m[1].slice(head.length) : null;
    if (m && field && (fields as readonly string[]).includes(field)) {
      found[field as F] ??= m[2];
    } else rest.push(part);
  }
  return { fields: found, rest: rest.length ? rest.join('; ') : null };
}

// A zod result's issues as one message per top-level field, in the contract's own words.
export function issuesByField<F extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as F;
    found[field] ??= issue.message;
  }
  return found;
}
