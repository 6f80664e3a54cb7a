import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

/** What a section last did: a success note, or an error in the user's language (never a stack trace). */
export interface Status {
  kind: 'success' | 'error' | 'info' | 'warning';
  text: string;
  /** A stable code for machines and support (data-code); never shown as text. */
  code?: string;
}

export function StatusLine({ status, testId }: { status: Status | null; testId?: string }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <MessageBar intent={status.kind} data-testid={testId} data-code={status.code} role={status.kind === 'error' ? 'alert' : 'status'}>
      <MessageBarBody style={{ whiteSpace: 'pre-line' }}>{status.kind === 'error' ? t('errorPrefix') + status.text : status.text}</MessageBarBody>
    </MessageBar>
  );
}
