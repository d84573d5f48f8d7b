import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component, type ReactNode } from "react";

interface StepBoundaryState {
  failed: boolean;
}

/**
 * A step whose code did not load (the network dropped, or Office kept an old copy of the pane) says
 * so in its own panel; the other steps, and what was done in them, stay as they are.
 */
export class StepBoundary extends Component<{ children: ReactNode; reload?: () => void }, StepBoundaryState> {
  override state: StepBoundaryState = { failed: false };

  static getDerivedStateFromError(): StepBoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.reload ?? (() => window.location.reload());
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>这一步未能打开</MessageBarTitle>
          它的程序没有加载成功，可能是网络中断。请检查网络后重新加载任务窗格（其他步骤中未写入台账的修改会丢失）。
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={reload}>重新加载任务窗格</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
