import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { HostCapabilities } from '../../core';
import { useI18n } from '../i18n/i18n-context';
import type { StringKey } from '../i18n/strings';

const FEATURES = ['tables', 'conditionalFormats', 'dataBars', 'listValidation', 'notes', 'veryHiddenSheets', 'changeEvents'] as const;

/** Tells the user which features this host (an older Excel, WPS) lacks, instead of failing later. */
export function CapabilityNote({ capabilities }: { capabilities: HostCapabilities | null }) {
  const { t } = useI18n();
  const missing = capabilities ? FEATURES.filter((feature) => capabilities[feature] === false) : [];
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="warning" data-testid="capability-note">
      <MessageBarBody>
        {t('capabilityNote')}
        {missing.map((feature) => t(`cap_${feature}` as StringKey)).join('、')}
        {capabilities?.version ? `（${capabilities.version}）` : ''}
      </MessageBarBody>
    </MessageBar>
  );
}
