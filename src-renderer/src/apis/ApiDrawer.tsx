// Edit one API: its fields (validated as the contract validates them), its operations, delete.
import {
  Alert, Button, Divider, Drawer, Group, Loader, MultiSelect, ScrollArea, Stack,
  TagsInput, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { ApiPatch, type ApiDetail, type ApiSummary, type Tier } from '../../../src-shared/model';
import { errorMessage, invoke } from '../lib/invoke';
import { TrashIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';
import { ApiDocuments } from './ApiDocuments';
import { AudienceFields } from './AudienceFields';
import { MethodBadge } from './badges';
import { LifecycleSection } from './LifecycleSection';

type Form = {
  name: string;
  version: string;
  context: string;
  description: string;
  backendProduction: string;
  backendSandbox: string;
  visibility: ApiSummary['visibility'];
  visibleRoles: string[];
  subscriptionAvailability: ApiSummary['subscriptionAvailability'];
  availableTenants: string[];
  tags: string[];
  tiers: string[];
};

type FieldErrors = Partial<Record<keyof Form, string>>;

function formOf(api: ApiDetail): Form {
  return {
    name: api.name,
    version: api.version,
    context: api.context,
    description: api.description,
    backendProduction: api.backendProduction ?? '',
    backendSandbox: api.backendSandbox ?? '',
    visibility: api.visibility,
    visibleRoles: api.visibleRoles,
    subscriptionAvailability: api.subscriptionAvailability,
    availableTenants: api.availableTenants,
    tags: api.tags,
    tiers: api.tiers,
  };
}

// Roles belong to restricted APIs and listed tenants to specific-tenants only; the core
// refuses them elsewhere, so switching away drops what no longer applies.
function patchOf(form: Form): unknown {
  return {
    ...form,
    backendProduction: form.backendProduction.trim() || null,
    backendSandbox: form.backendSandbox.trim() || null,
    visibleRoles: form.visibility === 'restricted' ? form.visibleRoles : [],
    availableTenants:
      form.subscriptionAvailability === 'specific-tenants' ? form.availableTenants : [],
  };
}

function validate(form: Form): FieldErrors {
  const errors: FieldErrors = {};
  const result = ApiPatch.safeParse(patchOf(form));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as keyof Form;
      errors[field] ??= issue.message;
    }
  }
  if (form.visibility === 'restricted' && form.visibleRoles.length === 0) {
    errors.visibleRoles ??= 'a restricted API needs at least one role';
  }
  if (form.subscriptionAvailability === 'specific-tenants' && !form.availableTenants.length) {
    errors.availableTenants ??= 'list at least one tenant';
  }
  return errors;
}

// The core answers "patch.context: must look like …; patch.version: …".
function serverFieldErrors(message: string): { fields: FieldErrors; rest: string | null } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^patch\.([A-Za-z]+)(?:\.\d+)?: (.*)$/.exec(part);
    if (m) fields[m[1] as keyof Form] ??= m[2];
    else rest.push(part);
  }
  return { fields, rest: rest.length ? rest.join('; ') : null };
}

const OPERATION_LIMIT = 300;

function Operations({ api }: { api: ApiDetail }) {
  const [filter, setFilter] = useState('');
  const found = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return api.operations.filter((o) =>
      !needle || `${o.method} ${o.path} ${o.summary}`.toLowerCase().includes(needle));
  }, [api.operations, filter]);

  return (
    <Stack gap="xs" data-testid="api-operations">
      <Group justify="space-between">
        <Title order={5}>Operations · {api.operations.length}</Title>
        {api.operations.length > 10 && (
          <TextInput size="xs" placeholder="Filter operations" value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)} />
        )}
      </Group>
      {found.slice(0, OPERATION_LIMIT).map((o) => (
        <Group key={`${o.method} ${o.path}`} gap="sm" wrap="nowrap" align="flex-start"
          data-testid="operation-row">
          <MethodBadge method={o.method} />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" ff="monospace" td={o.deprecated ? 'line-through' : undefined}
              style={{ wordBreak: 'break-all' }}>{o.path}</Text>
            {o.summary && <Text size="xs" c="dimmed" lineClamp={2}>{o.summary}</Text>}
          </div>
        </Group>
      ))}
      {found.length > OPERATION_LIMIT && (
        <Text size="xs" c="dimmed">
          and {found.length - OPERATION_LIMIT} more — filter to find one.
        </Text>
      )}
    </Stack>
  );
}

export function ApiDrawer({ apiId, domain, onClose, onSaved, onDeleted }: {
  apiId: string | null;
  domain: string;
  onClose(): void;
  onSaved(api: ApiDetail): void;
  onDeleted(id: string): void;
}) {
  const [api, setApi] = useState<ApiDetail | null>(null);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [form, setForm] = useState<Form | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setApi(null);
    setForm(null);
    setServerErrors({});
    setGeneralError(null);
    if (!apiId) return;
    let live = true;
    invoke('api.get', { id: apiId })
      .then((detail) => {
        if (!live) return;
        setApi(detail);
        setForm(formOf(detail));
      })
      .catch((err) => live && setGeneralError(errorMessage(err)));
    invoke('tier.list', { tenant: domain })
      .then((list) => live && setTiers(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [apiId, domain]);

  const clientErrors = useMemo(() => (form ? validate(form) : {}), [form]);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const hasErrors = Object.keys(clientErrors).length > 0;
  const dirty = api && form && JSON.stringify(formOf(api)) !== JSON.stringify(form);

  function change<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setServerErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function save() {
    if (!api || !form || hasErrors) return;
    setBusy(true);
    setGeneralError(null);
    try {
      const saved = await invoke('api.update', { id: api.id, patch: patchOf(form) as ApiPatch });
      setApi(saved);
      setForm(formOf(saved));
      onSaved(saved);
      notifySuccess(`${saved.name} ${saved.version} was saved.`, 'API saved');
    } catch (err) {
      const { fields, rest } = serverFieldErrors(errorMessage(err));
      setServerErrors(fields);
      setGeneralError(rest);
    } finally {
      setBusy(false);
    }
  }

  // A move changes only the state: the form keeps its unsaved edits.
  async function reloadAfterMove(id: string) {
    try {
      const moved = await invoke('api.get', { id });
      setApi((a) => (a ? { ...a, lifecycle: moved.lifecycle, updatedAt: moved.updatedAt } : a));
      onSaved(moved);
    } catch (err) {
      notifyError(err, 'Could not reload the API');
    }
  }

  async function remove() {
    if (!api) return;
    const ok = await confirmAction({
      title: `Delete ${api.name} ${api.version}?`,
      message: `The API ${api.context} and its definition are removed from ${domain}.`,
      confirmLabel: 'Delete API',
    });
    if (!ok) return;
    try {
      await invoke('api.delete', { id: api.id });
      onDeleted(api.id);
      notifySuccess(`${api.name} ${api.version} was deleted.`, 'API deleted');
    } catch (err) {
      notifyError(err, 'Could not delete the API');
    }
  }

  const tierOptions = Array.from(new Set([...tiers.map((t) => t.name), ...(form?.tiers ?? [])]));

  return (
    <Drawer opened={apiId !== null} onClose={onClose} position="right" size={560}
      title={<Text fw={650} size="lg">{api ? `${api.name}` : 'API'}</Text>}
      scrollAreaComponent={ScrollArea.Autosize} data-testid="api-drawer">
      {!form && !generalError && <Group justify="center" p="xl"><Loader /></Group>}
      {generalError && (
        <Alert color="red" variant="light" mb="md" data-testid="api-error">{generalError}</Alert>
      )}
      {form && api && (
        <LifecycleSection api={api} onMoved={() => void reloadAfterMove(api.id)} />
      )}
      {form && api && <Divider my="sm" />}
      {form && api && (
        <form onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}>
          <Stack gap="sm">
            <TextInput label="Name" value={form.name} error={errors.name}
              onChange={(e) => change('name', e.currentTarget.value)} data-testid="api-name" />
            <Group grow align="flex-start">
              <TextInput label="Version" value={form.version} error={errors.version}
                onChange={(e) => change('version', e.currentTarget.value)}
                data-testid="api-version" />
              <TextInput label="Context" value={form.context} error={errors.context}
                onChange={(e) => change('context', e.currentTarget.value)}
                data-testid="api-context" />
            </Group>
            <TextInput label="Production backend URL" placeholder="https://api.example.com"
              value={form.backendProduction} error={errors.backendProduction}
              onChange={(e) => change('backendProduction', e.currentTarget.value)}
              data-testid="api-backend" />
            <TextInput label="Sandbox backend URL" value={form.backendSandbox}
              error={errors.backendSandbox}
              onChange={(e) => change('backendSandbox', e.currentTarget.value)} />
            <AudienceFields domain={domain} form={form} errors={errors} onChange={change} />
            <TagsInput label="Tags" value={form.tags} error={errors.tags}
              onChange={(v) => change('tags', v)} clearable data-testid="api-tags" />
            <MultiSelect label="Offered tiers" data={tierOptions} value={form.tiers}
              error={errors.tiers} onChange={(v) => change('tiers', v)}
              placeholder={form.tiers.length ? undefined : 'No tiers offered'}
              data-testid="api-tiers" />
            <Textarea label="Description" autosize minRows={2} maxRows={8}
              value={form.description} error={errors.description}
              onChange={(e) => change('description', e.currentTarget.value)} />
            <Text size="xs" c="dimmed">
              OpenAPI {api.openapiVersion} · from {api.source} · {api.definitionFormat}
            </Text>
            <Group justify="space-between">
              <Button color="red" variant="subtle" leftSection={<TrashIcon size={16} />}
                onClick={remove} data-testid="api-delete">Delete API</Button>
              <Group gap="xs">
                {dirty && <Text size="xs" c="orange">unsaved</Text>}
                <Button type="submit" loading={busy} disabled={!dirty || hasErrors}
                  data-testid="api-save">Save</Button>
              </Group>
            </Group>
            <Divider my="xs" />
            <ApiDocuments api={api} />
            <Divider my="xs" />
            <Operations api={api} />
          </Stack>
        </form>
      )}
    </Drawer>
  );
}
