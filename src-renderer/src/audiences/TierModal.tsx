// Add or edit one tier, checked field by field with the contract's own schema as one types.
import {
  Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { RATE_UNITS, type Tier } from '../../../src-shared/model';
import { TierInput } from '../../../src-shared/tenancy';
import { fieldErrors, issuesByField } from '../lib/field-errors';
import { errorMessage, invoke } from '../lib/invoke';
import { notifySuccess } from '../lib/notify';

type Field = 'name' | 'rateLimit' | 'rateUnit' | 'quota' | 'description';
const FIELDS: readonly Field[] = ['name', 'rateLimit', 'rateUnit', 'quota', 'description'];

type Form = {
  name: string;
  unlimited: boolean;
  rateLimit: number | string;
  rateUnit: Tier['rateUnit'];
  quota: number | string;
  description: string;
};

const EMPTY: Form = {
  name: '', unlimited: false, rateLimit: 1000, rateUnit: 'minute', quota: '', description: '',
};

function formOf(tier: Tier | null): Form {
  if (!tier) return EMPTY;
  return {
    name: tier.name,
    unlimited: tier.rateLimit === null,
    rateLimit: tier.rateLimit ?? 1000,
    rateUnit: tier.rateUnit,
    quota: tier.quota ?? '',
    description: tier.description,
  };
}

// NumberInput gives '' when empty; the contract wants a whole number or null.
function inputOf(form: Form) {
  return {
    name: form.name,
    rateLimit: form.unlimited || form.rateLimit === '' ? null : Number(form.rateLimit),
    rateUnit: form.rateUnit,
    quota: form.quota === '' ? null : Number(form.quota),
    description: form.description,
  };
}

export function TierModal({ domain, tier, opened, onClose, onSaved }: {
  domain: string;
  // The tier being edited, or null to add one.
  tier: Tier | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [server, setServer] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setForm(formOf(tier));
    setServer({});
    setGeneral(null);
  }, [opened, tier]);

  const client = useMemo(() => {
    const parsed = TierInput.safeParse(inputOf(form));
    const found = parsed.success ? {} : issuesByField<Field>(parsed.error.issues);
    if (!form.unlimited && form.rateLimit === '') {
      found.rateLimit = 'enter a limit or tick unlimited';
    }
    return found;
  }, [form]);
  const errors = { ...server, ...client };
  const invalid = Object.keys(client).length > 0;

  function change<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((f) => ({ ...f, [key]: value }));
    setServer((s) => ({ ...s, [key]: undefined }));
  }

  async function submit() {
    if (invalid) return;
    setBusy(true);
    try {
      const input = inputOf(form);
      if (tier) {
        await invoke('tier.update', { tenant: domain, name: tier.name, patch: input });
      } else {
        await invoke('tier.add', { tenant: domain, tier: input });
      }
      notifySuccess(`The tier ${input.name.trim()} was saved.`);
      onSaved();
      onClose();
    } catch (err) {
      const split = fieldErrors(errorMessage(err), tier ? 'patch' : 'tier', FIELDS);
      setServer(split.fields);
      setGeneral(split.rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} centered
      title={tier ? `Edit tier ${tier.name}` : 'Add tier'}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }} data-testid="tier-form">
        <Stack gap="sm">
          {general && <Alert color="red" variant="light" data-testid="tier-error">{general}</Alert>}
          <TextInput label="Name" required data-autofocus value={form.name} error={errors.name}
            onChange={(e) => change('name', e.currentTarget.value)} data-testid="tier-name" />
          <Group grow align="flex-start">
            <NumberInput label="Rate limit" min={1} allowDecimal={false} allowNegative={false}
              thousandSeparator="," value={form.rateLimit} disabled={form.unlimited}
              error={errors.rateLimit} onChange={(v) => change('rateLimit', v)}
              data-testid="tier-rate" />
            <Select label="per" data={[...RATE_UNITS]} value={form.rateUnit}
              allowDeselect={false} disabled={form.unlimited} error={errors.rateUnit}
              onChange={(v) => v && change('rateUnit', v as Form['rateUnit'])}
              data-testid="tier-unit" />
          </Group>
          <Checkbox label="Unlimited (no rate limit)" checked={form.unlimited}
            onChange={(e) => change('unlimited', e.currentTarget.checked)}
            data-testid="tier-unlimited" />
          <NumberInput label="Monthly quota" description="Requests per calendar month; optional"
            min={1} allowDecimal={false} allowNegative={false} thousandSeparator=","
            value={form.quota} error={errors.quota} onChange={(v) => change('quota', v)}
            data-testid="tier-quota" />
          <Textarea label="Description" autosize minRows={2} maxRows={5}
            value={form.description} error={errors.description}
            onChange={(e) => change('description', e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy} disabled={invalid} data-testid="tier-submit">
              {tier ? 'Save tier' : 'Add tier'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
