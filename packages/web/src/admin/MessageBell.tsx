import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, Popover, Typography } from "antd";
import { useEffect } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../api/client.js";
import { useApi } from "../api/hooks.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { useI18n } from "../i18n/index.js";
import { formatInstant } from "../lib/format.js";

interface Message {
  id: number;
  kind: string;
  subject: string;
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
  createdAt: string;
  readAt: string | null;
  /** Where the reader acts on it (the server decides: the case for officers, the project for its unit). */
  link: string | null;
}

/** A minute: the unit hears of a step soon enough without the page hammering the server. */
const POLL_MS = 60_000;

/** 站内消息 (Art. 14(3), 15): the unread count in the header; opening one marks it read. */
export function MessageBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const messages = useApi<{ unread: number; items: Message[] }>("/messages", { limit: 20 });
  const { reload } = messages;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  async function read(m: Message) {
    if (!m.readAt) {
      await api(`/messages/${m.id}/read`, { method: "POST" }).catch(() => undefined);
      reload();
    }
    if (m.link) navigate(m.link);
  }

  const items = messages.data?.items ?? [];
  const list = (
    <div style={{ width: 380, maxHeight: 420, overflow: "auto" }} data-testid="message-list">
      <ErrorAlert error={messages.error} />
      {items.length === 0 ? (
        <Empty description={t("msgEmpty")} />
      ) : (
        items.map((m) => (
          <button
            key={m.id}
            type="button"
            onClick={() => void read(m)}
            style={{ display: "block", width: "100%", textAlign: "left", background: "none", border: "none", cursor: m.readAt && !m.link ? "default" : "pointer", opacity: m.readAt ? 0.65 : 1, padding: "8px 4px", borderBottom: "1px solid #f0f0f0" }}
            data-testid="message-item"
            data-read={m.readAt ? "true" : "false"}
            data-kind={m.kind}
          >
            <Typography.Text strong={!m.readAt} style={{ fontSize: 13 }}>
              {lang === "en" ? m.titleEn : m.title}
            </Typography.Text>
            <div style={{ fontSize: 12 }}>{lang === "en" ? m.bodyEn : m.body}</div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {formatInstant(m.createdAt)}
            </Typography.Text>
          </button>
        ))
      )}
    </div>
  );
  return (
    <Popover content={list} title={t("msgTitle")} trigger="click" placement="bottomRight" onOpenChange={(open) => open && reload()}>
      <Badge count={messages.data?.unread ?? 0} size="small" data-testid="message-unread" data-count={messages.data?.unread ?? 0}>
        <Button type="text" icon={<BellOutlined />} aria-label={t("msgTitle")} data-testid="message-bell" />
      </Badge>
    </Popover>
  );
}
