import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  section: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  toggle: { width: '100%', justifyContent: 'flex-start', fontWeight: tokens.fontWeightSemibold },
  body: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A collapsible section. Its content mounts on first open (a fast first render) and then stays
 * mounted while collapsed, so a section keeps its state and listeners when the user folds it.
 */
export function Section(props: { id: string; title: string; defaultOpen?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [opened, setOpened] = useState(open);
  const panelId = useId();
  return (
    <section className={styles.section} data-section={props.id}>
      <h2 className={styles.heading}>
        <Button
          appearance="subtle"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={panelId}
          data-testid={`toggle-${props.id}`}
          onClick={() => {
            setOpen(!open);
            setOpened(true);
          }}
        >
          {open ? '▾' : '▸'} {props.title}
        </Button>
      </h2>
      <div id={panelId} className={styles.body} hidden={!open} style={open ? undefined : { display: 'none' }}>
        {opened && props.children}
      </div>
    </section>
  );
}
