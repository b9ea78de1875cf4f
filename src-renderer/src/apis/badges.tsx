import { Badge } from '@mantine/core';
import type { ApiSummary } from '../../../src-shared/model';

const LIFECYCLE_COLORS: Record<ApiSummary['lifecycle'], string> = {
  created: 'gray',
  prototyped: 'cyan',
  published: 'teal',
  blocked: 'red',
  deprecated: 'orange',
  retired: 'dark',
};

const VISIBILITY_COLORS: Record<ApiSummary['visibility'], string> = {
  public: 'blue',
  restricted: 'violet',
  private: 'gray',
};

const METHOD_COLORS: Record<string, string> = {
  get: 'blue',
  post: 'teal',
  put: 'orange',
  patch: 'yellow',
  delete: 'red',
  head: 'gray',
  options: 'gray',
  trace: 'gray',
};

export function LifecycleBadge({ value }: { value: ApiSummary['lifecycle'] }) {
  return <Badge variant="light" color={LIFECYCLE_COLORS[value]}>{value}</Badge>;
}

export function VisibilityBadge({ value }: { value: ApiSummary['visibility'] }) {
  return <Badge variant="outline" color={VISIBILITY_COLORS[value]}>{value}</Badge>;
}

export function MethodBadge({ method }: { method: string }) {
  const lower = method.toLowerCase();
  return (
    <Badge variant="filled" color={METHOD_COLORS[lower] ?? 'gray'} w={64} radius="sm"
      style={{ flexShrink: 0 }}>
      {lower}
    </Badge>
  );
}
