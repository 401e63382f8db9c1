/**
 * Drill-down: any number of a report opens the conversations, calls or 留言 behind it. A number
 * says what narrows the report's query (a day, an hour, a group, an agent, a rating…); the page
 * adds the report's range and filters and opens the drawer (DrillDrawer).
 */
import { createContext, useContext } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillQueryInput } from '../../shared/protocol/rest-reports.js';

/** What one number adds to the report's query: the measure and its narrowing. */
export type DrillNarrow = Omit<DrillQueryInput, 'from' | 'to' | 'compare' | 'page' | 'pageSize'>;

export interface DrillTarget {
  /** What was clicked, in words (the drawer's title). */
  title: string;
  query: DrillQueryInput;
}

export type OpenDrill = (title: string, narrow: DrillNarrow) => void;

const DrillContext = createContext<OpenDrill | null>(null);
export const DrillProvider = DrillContext.Provider;

export function useDrill(): OpenDrill {
  const open = useContext(DrillContext);
  if (!open) throw new Error('useDrill outside DrillProvider');
  return open;
}

/**
 * A figure that opens what is behind it; `title` names it ("2026-03-01 接入量"). Nothing to open
 * (0, no figure, no drill for it) reads as plain text.
 */
export function DrillNumber({ text, value, title, narrow }: { text: string; value: number | null; title: string; narrow: DrillNarrow | null }) {
  const { t } = useTranslation();
  const open = useDrill();
  if (narrow === null || value === null || value === 0) return <>{text}</>;
  return (
    <Button type="link" size="small" className="admin-report-drill" aria-label={t('reports.drill.open', { name: title })} onClick={() => open(title, narrow)}>
      {text}
    </Button>
  );
}
