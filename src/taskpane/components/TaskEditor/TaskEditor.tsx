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
  Select,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Op, PlanDocument, Task } from "../../../core/model";
import type { TaskEdit } from "../../../core/review";
import { OP_LABELS } from "../../format";
import { DateInput } from "../DateInput/DateInput";
import { useTaskEditorStyles } from "./TaskEditor.styles";
import { useTaskEditor, type UnitRole } from "./useTaskEditor";

export interface TaskEditorProps {
  document: PlanDocument;
  /** The task being edited; the dialog is closed when there is none. */
  task: Task | undefined;
  onSave: (edit: TaskEdit) => void;
  /** Offered while other tasks still have no lead unit: save, then edit the next of them. */
  onSaveAndNext?: ((edit: TaskEdit) => void) | undefined;
  onClose: () => void;
}

const OPS = Object.keys(OP_LABELS) as Op[];

/** A field's error, when it has one: Fluent's Field takes the prop only when it is set. */
const validation = (message: string | undefined): { validationMessage?: string } =>
  message === undefined ? {} : { validationMessage: message };
const isOp = (value: string): value is Op => (OPS as string[]).includes(value);

export function TaskEditor({ document, task, onSave, onSaveAndNext, onClose }: TaskEditorProps) {
  return (
    <Dialog open={task !== undefined} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        {task && (
          <TaskEditorForm
            key={task.id}
            document={document}
            task={task}
            onSave={onSave}
            onSaveAndNext={onSaveAndNext}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

type TaskEditorFormProps = Omit<TaskEditorProps, "task" | "onClose"> & { task: Task };

function TaskEditorForm({ document, task, onSave, onSaveAndNext }: TaskEditorFormProps) {
  const styles = useTaskEditorStyles();
  const editor = useTaskEditor(document, task);
  const { draft } = editor;
  const form = useRef<HTMLFormElement>(null);
  const sectionList = useId();
  /** Targets whose 归属任务 list has been asked for. */
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  // A refused save moves focus to the first field that says what is wrong.
  useEffect(() => {
    if (editor.refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [editor.refusals]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    editor.submit(onSave);
  };

  const suggestionButtons = (role: UnitRole) => (
    <div className={styles.suggestions}>
      <Text size={200}>{role === "lead" ? "建议：" : "添加配合单位："}</Text>
      {editor.suggestions.map((unit) => (
        <Button
          key={unit}
          size="small"
          shape="circular"
          aria-label={`${role === "lead" ? "添加牵头单位" : "添加配合单位"}：${unit}`}
          onClick={() => editor.addUnit(role, unit)}
        >
          {unit}
        </Button>
      ))}
    </div>
  );

  return (
    <form ref={form} onSubmit={submit}>
      <DialogBody>
        <DialogTitle>
          任务 {task.number}：{task.title}
        </DialogTitle>
        <DialogContent>
          <div className={styles.form}>
            <Text as="p" className={styles.source} aria-label="任务原文" tabIndex={0}>
              {task.text}
            </Text>
            <div className={styles.numberAndTitle}>
              <Field label="编号">
                <Input
                  className={styles.fill}
                  value={draft.number}
                  onChange={(_, data) => editor.setText({ number: data.value })}
                />
              </Field>
              <Field label="任务标题" {...validation(editor.problemFor("title"))}>
                <Input
                  className={styles.fill}
                  value={draft.title}
                  onChange={(_, data) => editor.setText({ title: data.value })}
                />
              </Field>
            </div>
            <Field label="所属部分" hint="可选已有的部分，或填写新的">
              <Input
                value={draft.section}
                list={sectionList}
                onChange={(_, data) => editor.setText({ section: data.value })}
              />
            </Field>
            <datalist id={sectionList}>
              {editor.sections.map((section) => (
                <option key={section} value={section} />
              ))}
            </datalist>
            <Field label="工作措施">
              <Textarea
                resize="vertical"
                value={draft.measures}
                onChange={(_, data) => editor.setText({ measures: data.value })}
              />
            </Field>
            <Field label="牵头单位" hint="多个单位用顿号（、）分隔">
              <Input value={draft.lead} onChange={(_, data) => editor.setUnits("lead", data.value)} />
            </Field>
            {editor.suggestions.length > 0 && suggestionButtons("lead")}
            <Field label="配合单位" hint="多个单位用顿号（、）分隔">
              <Input value={draft.co} onChange={(_, data) => editor.setUnits("co", data.value)} />
            </Field>
            {editor.showCoSuggestions && editor.suggestions.length > 0 && suggestionButtons("co")}
            <Field
              label="任务时限"
              hint={`不填则按 ${document.year} 年底`}
              {...validation(editor.problemFor("deadline"))}
            >
              <DateInput year={document.year} value={draft.deadline} onChange={editor.setDeadline} />
            </Field>
            {task.indicators.map((indicator) => {
              const indicatorDraft = draft.indicators.find((d) => d.id === indicator.id);
              if (!indicatorDraft) return null;
              const milestone = indicatorDraft.op === "milestone";
              const removed = draft.removed.includes(indicator.id);
              return (
                <fieldset key={indicator.id} className={styles.indicator}>
                  <legend className={styles.legend}>指标：{indicator.metric}</legend>
                  <Text size={200}>原文：{indicator.text}</Text>
                  <div className={styles.indicatorActions}>
                    {/* The list names every task: built when asked for, so a long plan's editor opens at once. */}
                    {moving.has(indicator.id) || draft.moves[indicator.id] ? (
                      <Field label="归属任务">
                        <Select
                          autoFocus
                          value={draft.moves[indicator.id] ?? ""}
                          disabled={removed}
                          onChange={(_, data) => editor.moveIndicator(indicator.id, data.value)}
                        >
                          <option value="">本任务</option>
                          {editor.otherTasks.map((other) => (
                            <option key={other.id} value={other.id}>
                              移到 {other.number}. {other.title}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    ) : (
                      <Button
                        disabled={removed}
                        onClick={() => setMoving((shown) => new Set([...shown, indicator.id]))}
                      >
                        移到其他任务…
                      </Button>
                    )}
                    <Button aria-pressed={removed} onClick={() => editor.toggleRemoved(indicator.id)}>
                      {removed ? "恢复此指标" : "删除此指标"}
                    </Button>
                  </div>
                  {removed && <Text size={200}>保存后删除此指标。</Text>}
                  <div className={styles.targetRow}>
                    <Field label="比较">
                      <Select
                        value={indicatorDraft.op}
                        onChange={(_, data) =>
                          isOp(data.value) && editor.setIndicator(indicator.id, { op: data.value })
                        }
                      >
                        {OPS.map((op) => (
                          <option key={op} value={op}>
                            {OP_LABELS[op]}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field label="目标值" {...validation(editor.problemFor("value", indicator.id))}>
                      <Input
                        value={milestone ? "" : indicatorDraft.value}
                        disabled={milestone}
                        inputMode="decimal"
                        onChange={(_, data) => editor.setIndicator(indicator.id, { value: data.value })}
                      />
                    </Field>
                    <Field
                      label="起始值"
                      hint="选填：从该值起算完成率"
                      {...validation(editor.problemFor("baseline", indicator.id))}
                    >
                      <Input
                        value={milestone ? "" : indicatorDraft.baseline}
                        disabled={milestone}
                        inputMode="decimal"
                        onChange={(_, data) => editor.setIndicator(indicator.id, { baseline: data.value })}
                      />
                    </Field>
                    <Field label="单位">
                      <Input
                        value={milestone ? "" : indicatorDraft.unit}
                        disabled={milestone}
                        onChange={(_, data) => editor.setIndicator(indicator.id, { unit: data.value })}
                      />
                    </Field>
                  </div>
                  <Field
                    label="指标时限"
                    hint="不填则随任务时限"
                    {...validation(editor.problemFor("deadline", indicator.id))}
                  >
                    <DateInput
                      year={document.year}
                      value={indicatorDraft.deadline}
                      onChange={(deadline) => editor.setIndicator(indicator.id, { deadline })}
                    />
                  </Field>
                </fieldset>
              );
            })}
            {draft.added.map((target, index) => (
              <fieldset key={index} className={styles.indicator}>
                <legend className={styles.legend}>新增指标 {index + 1}</legend>
                <Field label="指标名称" {...validation(editor.problemForAdded("metric", index))}>
                  <Input
                    value={target.metric}
                    onChange={(_, data) => editor.setAdded(index, { metric: data.value })}
                  />
                </Field>
                <div className={styles.targetRow}>
                  <Field label="比较">
                    <Select
                      value={target.op}
                      onChange={(_, data) => isOp(data.value) && editor.setAdded(index, { op: data.value })}
                    >
                      {OPS.map((op) => (
                        <option key={op} value={op}>
                          {OP_LABELS[op]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="目标值" {...validation(editor.problemForAdded("value", index))}>
                    <Input
                      value={target.op === "milestone" ? "" : target.value}
                      disabled={target.op === "milestone"}
                      inputMode="decimal"
                      onChange={(_, data) => editor.setAdded(index, { value: data.value })}
                    />
                  </Field>
                  <Field label="单位">
                    <Input
                      value={target.op === "milestone" ? "" : target.unit}
                      disabled={target.op === "milestone"}
                      onChange={(_, data) => editor.setAdded(index, { unit: data.value })}
                    />
                  </Field>
                </div>
                <Field
                  label="指标时限"
                  hint="不填则随任务时限"
                  {...validation(editor.problemForAdded("deadline", index))}
                >
                  <DateInput
                    year={document.year}
                    value={target.deadline}
                    onChange={(deadline) => editor.setAdded(index, { deadline })}
                  />
                </Field>
                <Button onClick={() => editor.dropAdded(index)}>不添加此指标</Button>
              </fieldset>
            ))}
            <div>
              <Button onClick={editor.addTarget}>添加指标</Button>
            </div>
          </div>
        </DialogContent>
        <DialogActions fluid>
          <Button type="submit" appearance="primary">
            保存
          </Button>
          {onSaveAndNext && <Button onClick={() => editor.submit(onSaveAndNext)}>保存并指定下一项</Button>}
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">取消</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
