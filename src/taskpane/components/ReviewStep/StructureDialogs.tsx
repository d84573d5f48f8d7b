import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { Task } from "../../../core/model";
import { taskSentences } from "../../../core/review";

export type StructureDialog = { kind: "add"; after: Task | undefined } | { kind: "split"; task: Task };

export interface StructureDialogsProps {
  open: StructureDialog | undefined;
  onAdd: (title: string, afterTaskId: string | undefined) => void;
  onSplit: (taskId: string, at: number) => void;
  onClose: () => void;
}

/** 添加任务 (a title, then the editor opens on it) and 拆分任务 (the sentence the second task starts at). */
export function StructureDialogs({ open, onAdd, onSplit, onClose }: StructureDialogsProps) {
  return (
    <Dialog open={open !== undefined} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        {open?.kind === "add" && <AddTaskForm after={open.after} onAdd={onAdd} />}
        {open?.kind === "split" && <SplitTaskForm key={open.task.id} task={open.task} onSplit={onSplit} />}
      </DialogSurface>
    </Dialog>
  );
}

function AddTaskForm({ after, onAdd }: { after: Task | undefined; onAdd: StructureDialogsProps["onAdd"] }) {
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem("请填写任务标题。");
      return;
    }
    onAdd(title, after?.id);
  };
  return (
    <form onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{after ? `在任务 ${after.number} 后添加任务` : "添加任务"}</DialogTitle>
        <DialogContent>
          <Field label="任务标题" {...(problem !== undefined && { validationMessage: problem })}>
            <Input value={title} onChange={(_, data) => setTitle(data.value)} />
          </Field>
        </DialogContent>
        <DialogActions fluid>
          <Button type="submit" appearance="primary">
            添加并编辑
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button>取消</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

function SplitTaskForm({ task, onSplit }: { task: Task; onSplit: StructureDialogsProps["onSplit"] }) {
  const sentences = taskSentences(task);
  const [at, setAt] = useState(1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSplit(task.id, at);
  };
  return (
    <form onSubmit={submit}>
      <DialogBody>
        <DialogTitle>
          拆分任务 {task.number}：{task.title}
        </DialogTitle>
        <DialogContent>
          {sentences.length < 2 ? (
            <p>这项任务的原文只有一句，无法拆分。</p>
          ) : (
            <RadioGroup
              aria-label="新任务从哪一句开始"
              value={String(at)}
              onChange={(_, data) => setAt(Number(data.value))}
            >
              {sentences.slice(1).map((sentence, k) => (
                <Radio key={k + 1} value={String(k + 1)} label={`从“${sentence.trim()}”起为新任务`} />
              ))}
            </RadioGroup>
          )}
        </DialogContent>
        <DialogActions fluid>
          <Button type="submit" appearance="primary" disabled={sentences.length < 2}>
            拆分
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button>取消</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
