import { Button, Drawer } from "antd";
import type { ReactNode } from "react";

interface Props {
  /** The drawer's test id. */
  testId: string;
  title: string;
  size: number;
  /** Whether Save shows (a read-only record opens without it). */
  editable: boolean;
  busy: boolean;
  saveText: string;
  saveTestId: string;
  /** Rejects when the form's own checks fail: those stay on the fields. */
  onSave(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/** A side panel editing one record (a policy, an intermediary, a guide version): Save in its header while editable. */
export function EditorDrawer({ testId, title, size, editable, busy, saveText, saveTestId, onSave, onClose, children }: Props) {
  return (
    <Drawer
      open
      size={size}
      title={title}
      onClose={onClose}
      destroyOnHidden
      data-testid={testId}
      extra={
        editable && (
          <Button type="primary" loading={busy} onClick={() => void onSave().catch(() => undefined)} data-testid={saveTestId}>
            {saveText}
          </Button>
        )
      }
    >
      {children}
    </Drawer>
  );
}
