// Under the colour inputs: which pairs of the draft's colours fail WCAG AA where the
// storefront draws text, each with the nearest colour that passes as a one-click fix.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import {
  brandingContrastIssues,
  type ContrastField,
  type ContrastInput,
} from '../../../src-shared/contrast';

const FIELD_LABEL: Record<ContrastField, string> = {
  primaryColor: 'primary',
  backgroundColor: 'background',
  textColor: 'text',
};

export function ContrastHint({ colors, onFix }: {
  colors: ContrastInput;
  onFix(field: ContrastField, value: string): void;
}) {
  const issues = brandingContrastIssues(colors);
  if (issues.length === 0) return null;

  return (
    <Stack gap={6} data-testid="contrast-hint">
      {issues.map((issue) => (
        <Alert key={issue.check} color="orange" variant="light" p="xs"
          data-testid={`contrast-${issue.check}`}>
          <Text size="xs">{issue.message}</Text>
          {issue.fix && (
            <Group gap={6} mt={6}>
              <span aria-hidden style={{ width: 14, height: 14, borderRadius: 3,
                background: issue.fix.value, border: '1px solid #0003' }} />
              <Button size="compact-xs" variant="light" color="orange"
                onClick={() => issue.fix && onFix(issue.fix.field, issue.fix.value)}
                aria-label={`Use ${issue.fix.value} as the ${FIELD_LABEL[issue.fix.field]} colour`}
                data-testid={`contrast-fix-${issue.check}`}>
                Use {issue.fix.value}
              </Button>
              <Text size="xs" c="dimmed">as the {FIELD_LABEL[issue.fix.field]} colour</Text>
            </Group>
          )}
        </Alert>
      ))}
    </Stack>
  );
}
