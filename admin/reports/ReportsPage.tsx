import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReportNameSchema, type ReportName } from '../../shared/protocol/rest-reports.js';
import type { AppError } from '../../shared/errors.js';
import type { RouteResponse } from '../../shared/protocol/rest.js';
import type { AdminCallOptions } from '../api/admin-api.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { LoadError, PageFrame } from '../app/PageFrame.js';
import { AgentsReport } from './AgentsReport.js';
import { CallsReport } from './CallsReport.js';
import { DrillDrawer } from './DrillDrawer.js';
import { DrillProvider, type DrillTarget, type OpenDrill } from './drill.js';
import { ExportButtons } from './ExportButtons.js';
import { OfflineReport } from './OfflineReport.js';
import { downloadReport, type ReportDownloader } from './report-export.js';
import { mirrorToUrl, reportQueryOf, useReportFilters, useReportQuery } from './report-filters.js';
import { ReportFilterBar } from './ReportFilterBar.js';
import { SatisfactionReport } from './SatisfactionReport.js';
import { SourcesReport } from './SourcesReport.js';
import { TopicsReport } from './TopicsReport.js';
import { VolumeReport } from './VolumeReport.js';

/** A report's answer: the figures once loaded, the failure with 重试, a skeleton while the first load runs. */
function Loaded<T>({ remote, render }: { remote: { data: T | null; error: AppError | null; reload: () => void }; render: (data: T) => ReactNode }) {
  return (
    <>
      <LoadError error={remote.error} onRetry={remote.reload} />
      {remote.data ? render(remote.data) : !remote.error && <Skeleton active />}
    </>
  );
}

type ReportRoute = `${ReportName}Report`;

/** A report's tab body: its route loaded with the filters (again whenever they change), then drawn. */
function reportBody<N extends ReportRoute>(route: N, draw: (report: RouteResponse<N>) => ReactNode) {
  return function ReportBody() {
    const api = useApi();
    const { query, key } = useReportQuery();
    const remote = useRemote(() => api.call(route, { query } as unknown as AdminCallOptions<N>), key);
    return <Loaded remote={remote} render={draw} />;
  };
}

const BODIES: Record<ReportName, () => ReactNode> = {
  volume: reportBody('volumeReport', (r) => <VolumeReport report={r} />),
  satisfaction: reportBody('satisfactionReport', (r) => <SatisfactionReport report={r} />),
  offline: reportBody('offlineReport', (r) => <OfflineReport report={r} />),
  agents: reportBody('agentsReport', (r) => <AgentsReport report={r} />),
  sources: reportBody('sourcesReport', (r) => <SourcesReport report={r} />),
  topics: reportBody('topicsReport', (r) => <TopicsReport report={r} />),
  calls: reportBody('callsReport', (r) => <CallsReport report={r} />),
};

function Body({ name }: { name: ReportName }) {
  const Report = BODIES[name];
  return <Report />;
}

/**
 * 报表: one tab per report under a filter bar they share (days, group, agent, 对比上期), each with
 * its headline figures, charts and tables; any number opens what is behind it, and the report on
 * screen downloads as Excel or CSV. Admins see the company, a group leader their own group.
 */
export function ReportsPage({ download = downloadReport }: { download?: ReportDownloader }) {
  const { t } = useTranslation();
  const report = useReportFilters((s) => s.report);
  const change = useReportFilters((s) => s.change);
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  // Opening the page from the menu: the URL names the filters on screen again.
  useEffect(() => mirrorToUrl(useReportFilters.getState()), []);

  const openDrill = useCallback<OpenDrill>((title, narrow) => {
    // The report's days and filters, narrowed by what was clicked (a group row names its group).
    const { from, to, groupId, agentId } = reportQueryOf(useReportFilters.getState());
    setDrill({ title, query: { from, to, groupId, agentId, ...narrow } });
  }, []);

  return (
    <PageFrame title={t('reports.title')}>
      <div className="admin-toolbar" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <ReportFilterBar />
        <ExportButtons report={report} download={download} />
      </div>
      <DrillProvider value={openDrill}>
        <Tabs
          activeKey={report}
          onChange={(key) => change({ report: ReportNameSchema.parse(key) })}
          items={ReportNameSchema.options.map((name) => ({
            key: name,
            label: t(`reports.tabs.${name}`),
            // Only the report on screen is loaded: the others wait until their tab is opened.
            children: name === report ? <Body name={name} /> : null,
          }))}
        />
      </DrillProvider>
      {drill && <DrillDrawer target={drill} onClose={() => setDrill(null)} />}
    </PageFrame>
  );
}
