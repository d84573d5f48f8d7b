import {
  FluentProvider,
  Spinner,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { ImportStep } from "./components/ImportStep/ImportStep";
import type { RoundTripWorkbook } from "./components/RoundTrip/useRoundTrip";
import { StepBoundary } from "./components/StepBoundary/StepBoundary";
import { downloadXlsx } from "./files";
import type { PaneHost } from "./host";
import { isStepId, STEPS, type StepId } from "./steps";
import { useAppStyles } from "./App.styles";
import { useApp } from "./useApp";
import { useShownValue } from "./useShownValue";
import { WorkbookContext, type WorkbookAccess } from "./workbook";

export interface AppProps {
  host: PaneHost;
  /** The open workbook; absent outside Excel. */
  workbook?: WorkbookAccess | undefined;
  /** The workbook's side of 分发/汇总; absent outside Excel. */
  roundTrip?: RoundTripWorkbook | undefined;
}

function HostNotice({ host }: Pick<AppProps, "host">) {
  if (host.kind === "excel") return null;
  if (host.kind === "other-office") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          督办台账是 Excel 加载项，不支持当前的 Office 应用（{host.host}）。请在 Excel 中打开。
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>未在 Excel 中运行</MessageBarTitle>
        可以导入和校对政策文件；写入台账等步骤需要在 Excel 中打开本加载项。
      </MessageBarBody>
    </MessageBar>
  );
}

// Every step but 导入 loads when first opened, so the pane's first load stays small.
const ReviewStep = lazy(() =>
  import("./components/ReviewStep/ReviewStep.js").then((m) => ({ default: m.ReviewStep })),
);
const LedgerStep = lazy(() =>
  import("./components/LedgerStep/LedgerStep.js").then((m) => ({ default: m.LedgerStep })),
);
const ProgressStep = lazy(() =>
  import("./components/ProgressStep/ProgressStep.js").then((m) => ({ default: m.ProgressStep })),
);
const ReportStep = lazy(() =>
  import("./components/ReportStep/ReportStep.js").then((m) => ({ default: m.ReportStep })),
);
const RoundTrip = lazy(() =>
  import("./components/RoundTrip/RoundTrip.js").then((m) => ({ default: m.RoundTrip })),
);

const tabId = (id: StepId) => `duban-step-${id}`;
const panelId = (id: StepId) => `duban-panel-${id}`;

export function App({ host, workbook, roundTrip }: AppProps) {
  const styles = useAppStyles();
  const app = useApp();
  const ledgerDocument = useShownValue(app.document, app.step === "ledger");
  const ledgerAdoption = useShownValue(app.adoption, app.step === "ledger");

  /** From a button inside a panel: the button disappears with its panel, so focus goes to the tab. */
  const continueTo = (id: StepId) => {
    app.goTo(id);
    document.getElementById(tabId(id))?.focus();
  };

  const panel = (id: StepId) => {
    switch (id) {
      case "import":
        return (
          <ImportStep
            onParsed={app.parsedDocument}
            onContinue={() => continueTo("review")}
            hasEdits={app.hasEdits}
          />
        );
      case "review":
        return (
          app.document && (
            <ReviewStep
              document={app.document}
              onEdit={app.review.edit}
              adoption={app.adoption}
              onAdoption={(next) => app.parsedDocument(next.table.plan, next, next.table.text)}
              source={app.source}
              range={app.review.range}
              onRange={
                app.adoption || app.source === undefined
                  ? undefined
                  : (range) => app.review.readWithin(app.source ?? "", range)
              }
              canUndo={app.review.canUndo}
              onUndo={app.review.undo}
              onContinue={() => continueTo("ledger")}
            />
          )
        );
      case "ledger":
        return (
          ledgerDocument && (
            <LedgerStep
              document={ledgerDocument}
              adoption={ledgerAdoption}
              onWritten={app.showLedger}
              onContinue={() => continueTo("progress")}
            />
          )
        );
      case "progress":
        return (
          <ProgressStep
            ledger={app.ledger}
            period={app.period}
            onPeriod={app.choosePeriod}
            onRead={app.showLedger}
          />
        );
      case "report":
        return (
          <ReportStep
            ledger={app.ledger}
            period={app.period}
            onPeriod={app.choosePeriod}
            onRead={app.showLedger}
          />
        );
      case "roundtrip":
        return <RoundTrip workbook={roundTrip} saveFile={downloadXlsx} onWritten={app.showLedger} />;
    }
  };

  return (
    <WorkbookContext.Provider value={workbook}>
      <FluentProvider theme={webLightTheme} lang="zh-CN" className={styles.root}>
        <Title3 as="h1" className={styles.title}>
          督办台账
        </Title3>
        <HostNotice host={host} />
        <TabList
          className={styles.steps}
          aria-label="步骤"
          size="small"
          selectedValue={app.step}
          onTabSelect={(_, data) => isStepId(data.value) && app.goTo(data.value)}
        >
          {STEPS.map((step) => (
            <Tab
              key={step.id}
              id={tabId(step.id)}
              aria-controls={panelId(step.id)}
              value={step.id}
              disabled={!app.isAvailable(step.id)}
            >
              {step.label}
            </Tab>
          ))}
        </TabList>
        {/* A panel is mounted when first shown and stays mounted, so a step keeps its state while another is shown. */}
        {STEPS.map((step) => (
          <div
            key={step.id}
            id={panelId(step.id)}
            role="tabpanel"
            aria-labelledby={tabId(step.id)}
            hidden={app.step !== step.id}
          >
            {app.visited.has(step.id) && (
              <StepBoundary>
                <Suspense fallback={<Spinner size="small" label="正在加载…" />}>{panel(step.id)}</Suspense>
              </StepBoundary>
            )}
          </div>
        ))}
      </FluentProvider>
    </WorkbookContext.Provider>
  );
}
