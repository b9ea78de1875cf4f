// The documents of one API in its drawer: list, add or edit one in Markdown, delete after
// asking. The storefront renders them (sanitised) beside the API's reference.
import {
  Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { DocMarkdown, DocSlug, DocTitle, type ApiDoc } from '../../../src-shared/docs';
import type { ApiDetail } from '../../../src-shared/model';
import { errorMessage, invoke } from '../lib/invoke';
import { TrashIcon } from '../lib/icons';
import { notifyError, notifySuccess } from '../lib/notify';
import { confirmAction } from '../stores/confirm-store';

type Draft = { slug: string; title: string; markdown: string; existing: boolean };

type DraftErrors = Partial<Record<'slug' | 'title' | 'markdown', string>>;

// A slug people need not type: "Getting started" becomes getting-started.
function slugOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

function check(draft: Draft): DraftErrors {
  const errors: DraftErrors = {};
  const first = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    r.success ? undefined : r.error?.issues[0]?.message;
  errors.slug = first(DocSlug.safeParse(draft.slug));
  errors.title = first(DocTitle.safeParse(draft.title));
  errors.markdown = first(DocMarkdown.safeParse(draft.markdown));
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as DraftErrors;
}

function DocEditor({ draft, onChange, onSave, onCancel, busy, error }: {
  draft: Draft;
  onChange(d: Draft): void;
  onSave(): void;
  onCancel(): void;
  busy: boolean;
  error: string | null;
}) {
  const errors = check(draft);
  const [slugTouched, setSlugTouched] = useState(draft.existing);

  return (
    // The editor sits inside the API's form: Enter in a field must not save the API.
    <Paper withBorder p="sm" radius="md" data-testid="doc-editor" onKeyDown={(e) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
    }}>
      <Stack gap="xs">
        <TextInput label="Title" value={draft.title} error={draft.title && errors.title}
          data-testid="doc-title" placeholder="Getting started"
          onChange={(e) => {
            const title = e.currentTarget.value;
            onChange({ ...draft, title, slug: slugTouched ? draft.slug : slugOf(title) });
          }} />
        <TextInput label="Slug" description="The page's name in the storefront address"
          value={draft.slug} disabled={draft.existing} error={draft.slug && errors.slug}
          data-testid="doc-slug"
          onChange={(e) => {
            setSlugTouched(true);
            onChange({ ...draft, slug: e.currentTarget.value });
          }} />
        <Textarea label="Markdown" autosize minRows={6} maxRows={18} value={draft.markdown}
          error={errors.markdown} data-testid="doc-markdown" styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onChange={(e) => onChange({ ...draft, markdown: e.currentTarget.value })} />
        {error && <Alert color="red" variant="light" data-testid="doc-error">{error}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button onClick={onSave} loading={busy} disabled={Object.keys(errors).length > 0}
            data-testid="doc-save">Save document</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ApiDocuments({ api }: { api: ApiDetail }) {
  const [docs, setDocs] = useState<ApiDoc[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDocs(null);
    setDraft(null);
    invoke('api.doc.list', { apiId: api.id })
      .then((list) => live && setDocs(list))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [api.id]);

  async function save() {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await invoke('api.doc.put', {
        apiId: api.id,
        slug: draft.slug,
        title: draft.title,
        markdown: draft.markdown,
      });
      setDocs((list) => {
        const rest = (list ?? []).filter((d) => d.slug !== saved.slug);
        return draft.existing
          ? (list ?? []).map((d) => (d.slug === saved.slug ? saved : d))
          : [...rest, saved];
      });
      setDraft(null);
      notifySuccess(`${saved.title} was saved.`, 'Document saved');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(doc: ApiDoc) {
    const ok = await confirmAction({
      title: `Delete ${doc.title}?`,
      message: `The document ${doc.slug} is removed from ${api.name} and its storefront.`,
      confirmLabel: 'Delete document',
    });
    if (!ok) return;
    try {
      await invoke('api.doc.delete', { apiId: api.id, slug: doc.slug });
      setDocs((list) => (list ?? []).filter((d) => d.slug !== doc.slug));
      notifySuccess(`${doc.title} was deleted.`, 'Document deleted');
    } catch (err) {
      notifyError(err, 'Could not delete the document');
    }
  }

  return (
    <Stack gap="xs" data-testid="api-documents">
      <Group justify="space-between">
        <Title order={5}>Documents · {docs?.length ?? '…'}</Title>
        {!draft && (
          <Button size="xs" variant="light" data-testid="doc-add" onClick={() => {
            setError(null);
            setDraft({ slug: '', title: '', markdown: '', existing: false });
          }}>Add document</Button>
        )}
      </Group>
      {docs?.length === 0 && !draft && (
        <Text size="sm" c="dimmed">
          No documents yet. Guides such as "Getting started" show beside the reference.
        </Text>
      )}
      {docs?.map((d) => (
        <Group key={d.slug} justify="space-between" wrap="nowrap" data-testid="doc-row">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>{d.title}</Text>
            <Text size="xs" c="dimmed" ff="monospace">{d.slug}</Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Button size="xs" variant="subtle" onClick={() => {
              setError(null);
              setDraft({ ...d, existing: true });
            }}>Edit</Button>
            <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${d.title}`}
              onClick={() => void remove(d)}><TrashIcon size={14} /></Button>
          </Group>
        </Group>
      ))}
      {draft && (
        <DocEditor draft={draft} onChange={setDraft} onSave={() => void save()} busy={busy}
          error={error} onCancel={() => setDraft(null)} />
      )}
      {error && !draft && <Alert color="red" variant="light">{error}</Alert>}
    </Stack>
  );
}
