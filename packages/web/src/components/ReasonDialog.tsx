import { type ButtonProps, Input, Modal } from "antd";
import { useState } from "react";
import type { ApiError } from "../api/client.js";
import { useI18n } from "../i18n/index.js";
import { ErrorAlert } from "./ErrorAlert.js";

interface Props<T> {
  /** What the reason is given for; the dialog is open while it is set. */
  target: T | undefined;
  title: string;
  /** Without one, antd's own OK text. */
  okText?: string;
  placeholder: string;
  /** The text area's test id. */
  testId: string;
  /** The OK button's test id, where a test presses it. */
  okTestId?: string;
  /** Shown above the text area: what the step applies to. */
  children?: React.ReactNode;
  danger?: boolean;
  busy: boolean;
  rows?: number;
  maxLength?: number;
  /** A refusal shown inside the dialog, for pages without an alert of their own. */
  error?: ApiError | undefined;
  /** Resolves true once the step went through: the dialog then closes and forgets the text. */
  onConfirm(target: T, reason: string): Promise<boolean>;
  onClose(): void;
}

/** A step that needs a stated reason (withdraw, suspend, return, remove): OK stays disabled until one is typed. */
export function ReasonDialog<T>(props: Props<T>) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const { target } = props;

  async function confirm() {
    if (target === undefined) return;
    if (await props.onConfirm(target, reason.trim())) {
      props.onClose();
      setReason("");
    }
  }

  return (
    <Modal
      open={target !== undefined}
      title={props.title}
      okText={props.okText}
      cancelText={t("cancel")}
      okButtonProps={{ danger: props.danger, disabled: !reason.trim(), loading: props.busy, "data-testid": props.okTestId } as ButtonProps}
      onCancel={() => {
        // A reason typed for one item must not greet the next one.
        setReason("");
        props.onClose();
      }}
      onOk={() => void confirm()}
      destroyOnHidden
    >
      {props.children}
      <ErrorAlert error={props.error} style={{ marginBottom: 12 }} />
      <Input.TextArea
        rows={props.rows}
        placeholder={props.placeholder}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={props.maxLength ?? 500}
        data-testid={props.testId}
      />
    </Modal>
  );
}
