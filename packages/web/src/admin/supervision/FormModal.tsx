import { type ButtonProps, Form, type FormInstance, Input, Modal } from "antd";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { useFormRequest } from "../../lib/use-form-request.js";

interface Props<V, T> {
  form: FormInstance<V>;
  title: string;
  okText: string;
  /** The dialog's test id; its OK button is `<testId>-submit`. */
  testId: string;
  /** The form's field paths, so that the server's field problems land on them. */
  fields: readonly string[] | ((path: string) => boolean);
  initialValues?: Partial<V>;
  submit(values: V): Promise<T>;
  onDone(result: T): void;
  onClose(): void;
  children: ReactNode;
}

/**
 * The one shape of every supervision form: a modal that validates, posts, and puts the server's field problems on
 * the fields (the rest in its alert). Mount it when needed and unmount on close.
 */
export function FormModal<V, T>({ form, title, okText, testId, fields, initialValues, submit, onDone, onClose, children }: Props<V, T>) {
  const { t } = useI18n();
  const { run, busy, error, unmatched } = useFormRequest(form, fields);

  async function ok() {
    const values = await form.validateFields();
    await run(async () => onDone(await submit(values)));
  }

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t("cancel")}
      onOk={() => void ok()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, "data-testid": `${testId}-submit` } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <div data-testid={testId}>
        <ErrorAlert error={error} fields={error ? unmatched : undefined} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" requiredMark initialValues={initialValues as Record<string, unknown> | undefined}>
          {children}
        </Form>
      </div>
    </Modal>
  );
}

/** The project code field, when the form is not opened from a project. */
export function ProjectCodeField() {
  const { t } = useI18n();
  return (
    <Form.Item name="code" label={t("svProjectCode")} rules={[{ required: true, whitespace: true, message: t("svProjectCodeRequired") }]}>
      <Input maxLength={64} data-testid="sv-project-code" placeholder={t("svProjectCodePlaceholder")} />
    </Form.Item>
  );
}

/** Today and a date some days on, as YYYY-MM-DD in China Standard Time (business dates are CST, as on the server). */
export function isoDate(offsetDays = 0): string {
  return new Date(Date.now() + (8 * 60 + offsetDays * 24 * 60) * 60_000).toISOString().slice(0, 10);
}
