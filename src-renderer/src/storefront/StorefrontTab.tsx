// The branding editor beside the live preview of the tenant's storefront.
import { Badge, Box, Button, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FooterLink, ImageMediaType, type Branding, type BrandingPatch, type StorefrontPage,
} from '../../../src-shared/model';
import type { Input } from '../../../src-shared/contract';
import { readAsBase64 } from '../lib/files';
import { errorMessage, invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { useApis } from '../stores/apis-store';
import { useFavicons } from '../stores/favicon-store';
import { BrandingForm, colorError, type Draft } from './BrandingForm';
import { StorefrontPreview } from './StorefrontPreview';
import { ViewAsSelect } from './ViewAsSelect';

const RENDER_DELAY_MS = 150;

function draftOf(b: Branding): Draft {
  const { logo: _logo, favicon: _favicon, ...rest } = b;
  return rest;
}

// Only valid colours go to the core; an invalid one keeps its last valid value in the preview
// while the field shows why.
function renderablePatch(draft: Draft, saved: Draft): BrandingPatch {
  const patch: BrandingPatch = { ...draft };
  for (const key of ['primaryColor', 'accentColor', 'backgroundColor', 'textColor'] as const) {
    if (colorError(draft[key])) patch[key] = saved[key];
  }
  // A link still being typed is left out of the preview until it is whole.
  patch.footerLinks = draft.footerLinks.filter((l) => FooterLink.safeParse(l).success);
  return patch;
}

export function StorefrontTab({ domain }: { domain: string }) {
  const apis = useApis((s) => (s.tenant === domain ? s.apis : []));
  const loadApis = useApis((s) => s.load);
  const setFavicon = useFavicons((s) => s.set);
  const [branding, setBranding] = useState<Branding | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [page, setPage] = useState<StorefrontPage>({ kind: 'home' });
  const [html, setHtml] = useState<string | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);
  const [rendering, setRendering] = useState(false);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const [audience, setAudience] = useState('anonymous');
  const lastNotified = useRef<string | null>(null);

  useEffect(() => {
    void loadApis(domain);
    invoke('branding.get', { domain })
      .then((b) => {
        setBranding(b);
        setDraft(draftOf(b));
      })
      .catch((err) => notifyError(err, 'Could not load the branding'));
  }, [domain, loadApis]);

  const saved = useMemo(() => (branding ? draftOf(branding) : null), [branding]);
  const dirty = draft && saved && JSON.stringify(draft) !== JSON.stringify(saved);
  const invalid = draft ? (['primaryColor', 'accentColor', 'backgroundColor', 'textColor'] as
    const).some((k) => colorError(draft[k])) : false;
  const [debouncedDraft] = useDebouncedValue(draft, RENDER_DELAY_MS);

  useEffect(() => {
    if (!debouncedDraft || !saved) return;
    let live = true;
    setRendering(true);
    invoke('storefront.render', { domain, page, audience,
      brandingDraft: renderablePatch(debouncedDraft, saved) })
      .then((r) => {
        if (!live) return;
        setHtml(r.html);
        setRenderError(null);
        lastNotified.current = null;
      })
      .catch((err) => {
        if (!live) return;
        const message = errorMessage(err);
        setRenderError(message);
        if (lastNotified.current !== message) {
          lastNotified.current = message;
          notifyError(err, 'The preview could not be rendered');
        }
      })
      .finally(() => live && setRendering(false));
    return () => {
      live = false;
    };
  }, [debouncedDraft, saved, domain, page, version, audience]);

  const onPage = useCallback((p: StorefrontPage) => setPage(p), []);

  async function save() {
    if (!draft || invalid) return;
    setSaving(true);
    try {
      const next = await invoke('branding.update', { domain, patch: draft });
      setBranding(next);
      setDraft(draftOf(next));
      notifySuccess('The storefront branding was saved.');
    } catch (err) {
      notifyError(err, 'Could not save the branding');
    } finally {
      setSaving(false);
    }
  }

  async function setImage(slot: 'logo' | 'favicon', file: File | null) {
    try {
      let mediaType: Input<'branding.setImage'>['mediaType'] = null;
      let dataBase64: string | null = null;
      if (file) {
        const type = ImageMediaType.safeParse(file.type);
        if (!type.success) throw new Error(`${file.name}: use an SVG, PNG, JPEG or WebP image`);
        mediaType = type.data;
        dataBase64 = await readAsBase64(file);
      }
      const next = await invoke('branding.setImage', { domain, slot, mediaType, dataBase64 });
      setBranding((b) => (b ? { ...b, logo: next.logo, favicon: next.favicon } : next));
      if (slot === 'favicon') setFavicon(domain, next.favicon);
      setVersion((v) => v + 1);
    } catch (err) {
      notifyError(err, `Could not set the ${slot}`);
    }
  }

  if (!branding || !draft) {
    return <Center p="xl"><Loader /></Center>;
  }

  return (
    <Box style={{ display: 'flex', gap: 'var(--mantine-spacing-md)',
      height: 'calc(100vh - 56px - 190px)', minHeight: 480 }} data-testid="storefront-tab">
      <Box w={380} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)' }}>
        <Group justify="space-between" px="md" py={8} style={{
          borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="xs">
            <Text size="sm" fw={600}>Branding</Text>
            {dirty && <Badge color="orange" variant="light" size="sm"
              data-testid="branding-unsaved">unsaved</Badge>}
          </Group>
          <Group gap={6}>
            <Button size="compact-sm" variant="default" disabled={!dirty}
              onClick={() => saved && setDraft(saved)}>Revert</Button>
            <Button size="compact-sm" onClick={save} loading={saving}
              disabled={!dirty || invalid} data-testid="branding-save">Save</Button>
          </Group>
        </Group>
        <ScrollArea style={{ flex: 1 }} px="md" py="sm" type="auto">
          <BrandingForm draft={draft} branding={branding}
            onChange={(patch) => setDraft((d) => (d ? { ...d, ...patch } : d))}
            onImage={(slot, file) => void setImage(slot, file)}
            onClearImage={(slot) => void setImage(slot, null)} />
        </ScrollArea>
      </Box>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <StorefrontPreview html={html} error={renderError} busy={rendering} page={page}
          onPage={onPage} apis={apis} toolbar={
            <ViewAsSelect domain={domain} value={audience} onChange={setAudience} />} />
      </Box>
    </Box>
  );
}
