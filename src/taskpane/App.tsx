import { Button, FluentProvider, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HostCapabilities, SpreadsheetHost } from '../core';
import { I18nProvider } from './i18n/i18n-context';
import { STRINGS, type Lang } from './i18n/strings';
import { PaneContext, type PaneContextValue, type RegistryChoice } from './pane-context';
import { CapabilityNote } from './components/CapabilityNote';
import { Section } from './components/Section';
import { ImportSection } from './sections/ImportSection';
import { TidySection } from './sections/TidySection';
import { RegistrySection } from './sections/RegistrySection';
import { ValidateSection } from './sections/ValidateSection';
import { TrackSection } from './sections/TrackSection';
import { CrossCheckSection } from './sections/CrossCheckSection';
import { ExportSection } from './sections/ExportSection';

const useStyles = makeStyles({
  root: { minHeight: '100vh', fontFamily: tokens.fontFamilyBase },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export const SECTION_IDS = ['import', 'tidy', 'registry', 'validate', 'track', 'cross', 'export'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface AppProps {
  host: SpreadsheetHost;
  initialLang: Lang;
  /** The section open at start. */
  initialView?: SectionId;
  onFirstRender?: () => void;
  onLangChange?: (lang: Lang) => void;
}

/** Debounce for live updates after the user edits the workbook (the host does not report our own writes). */
const CHANGE_DEBOUNCE_MS = 400;

export function App({ host, initialLang, initialView = 'import', onFirstRender, onLangChange }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [capabilities, setCapabilities] = useState<HostCapabilities | null>(null);
  const [registry, setRegistry] = useState<RegistryChoice | null>(null);
  const [workbookVersion, setWorkbookVersion] = useState(0);
  const firstRender = useRef(onFirstRender);

  useEffect(() => firstRender.current?.(), []);
  useEffect(() => {
    let alive = true;
    host.getCapabilities().then((caps) => alive && setCapabilities(caps), () => undefined);
    return () => {
      alive = false;
    };
  }, [host]);
  useEffect(() => subscribeDebounced(host, () => setWorkbookVersion((v) => v + 1)), [host]);

  const context = useMemo<PaneContextValue>(
    () => ({ host, capabilities, registry, setRegistry, workbookVersion, bumpWorkbook: () => setWorkbookVersion((v) => v + 1) }),
    [host, capabilities, registry, workbookVersion],
  );
  const s = STRINGS[lang];
  const switchLang = () => {
    const next: Lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
    setLang(next);
    onLangChange?.(next);
  };
  return (
    <FluentProvider theme={webLightTheme} lang={lang} className={styles.root}>
      <I18nProvider lang={lang}>
        <PaneContext.Provider value={context}>
          <header className={styles.header}>
            <Text as="h1" weight="semibold" size={400} data-testid="pane-title">
              {s.appTitle}
            </Text>
            <Button size="small" appearance="transparent" onClick={switchLang} data-testid="lang-switch">
              {s.langSwitch}
            </Button>
          </header>
          <CapabilityNote capabilities={capabilities} />
          <main>
            <Section id="import" defaultOpen={initialView === 'import'} title={s.secImport}>
              <ImportSection />
            </Section>
            <Section id="tidy" defaultOpen={initialView === 'tidy'} title={s.secTidy}>
              <TidySection />
            </Section>
            <Section id="registry" defaultOpen={initialView === 'registry'} title={s.secRegistry}>
              <RegistrySection />
            </Section>
            <Section id="validate" defaultOpen={initialView === 'validate'} title={s.secValidate}>
              <ValidateSection />
            </Section>
            <Section id="track" defaultOpen={initialView === 'track'} title={s.secTrack}>
              <TrackSection />
            </Section>
            <Section id="cross" defaultOpen={initialView === 'cross'} title={s.secCross}>
              <CrossCheckSection />
            </Section>
            <Section id="export" defaultOpen={initialView === 'export'} title={s.secExport}>
              <ExportSection />
            </Section>
          </main>
        </PaneContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}

function subscribeDebounced(host: SpreadsheetHost, listener: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = host.onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(listener, CHANGE_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
