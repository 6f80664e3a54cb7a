import { Text } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

export function CrossCheckSection() {
  const { t } = useI18n();
  return <Text size={200}>{t('crossHint')}</Text>;
}
