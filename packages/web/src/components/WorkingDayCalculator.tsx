import { Button, Card, Col, DatePicker, Descriptions, Form, InputNumber, Row, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState } from "react";
import { type ApiError, api } from "../api/client.js";
import { applyFieldErrors } from "../api/form-errors.js";
import { asApiError } from "../api/hooks.js";
import type { CalendarDay, DayKind, DueDate } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { ErrorAlert } from "./ErrorAlert.js";

const KIND_COLOUR: Record<DayKind, string> = {
  workday: "blue",
  weekend: "default",
  holiday: "red",
  adjusted_workday: "orange",
};

function DayLookup() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [day, setDay] = useState<CalendarDay>();
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const [loading, setLoading] = useState(false);

  async function lookUp({ date }: { date: Dayjs }) {
    setLoading(true);
    setError(undefined);
    setDay(undefined);
    try {
      setDay(await api<CalendarDay>(`/calendar/days/${date.format("YYYY-MM-DD")}`));
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setUnmatched(applyFieldErrors(form, apiError, lang, ["date"]));
      setError(apiError);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Card title={t("calDayTitle")} style={{ height: "100%" }}>
      <Form form={form} layout="inline" onFinish={(v) => void lookUp(v)} initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label={t("calDate")} rules={[{ required: true, message: t("calDateRequired") }]}>
          <DatePicker data-testid="cal-day-date" allowClear={false} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="cal-day-submit">
            {t("calQuery")}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} fields={unmatched} />
        {day && (
          <Descriptions
            column={1}
            size="small"
            bordered
            data-testid="cal-day-result"
            items={[
              { key: "date", label: t("calDate"), children: day.date },
              {
                key: "kind",
                label: t("calWorkingDay"),
                children: (
                  <>
                    {day.workingDay ? t("yes") : t("no")} <Tag color={KIND_COLOUR[day.kind]}>{t(`calKind_${day.kind}`)}</Tag>
                  </>
                ),
              },
              ...(day.name ? [{ key: "name", label: t("calHolidayName"), children: day.name }] : []),
            ]}
          />
        )}
      </div>
    </Card>
  );
}

function DueDateCalculator() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ start: Dayjs; workingDays: number }>();
  const [due, setDue] = useState<DueDate>();
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const [loading, setLoading] = useState(false);

  async function compute({ start, workingDays }: { start: Dayjs; workingDays: number }) {
    setLoading(true);
    setError(undefined);
    setDue(undefined);
    try {
      setDue(await api<DueDate>("/calendar/due-date", { query: { start: start.format("YYYY-MM-DD"), workingDays } }));
    } catch (cause) {
      // 422 CALENDAR_YEAR_UNAVAILABLE and friends: the server's words, on the field they concern.
      const apiError = asApiError(cause);
      if (apiError) setUnmatched(applyFieldErrors(form, apiError, lang, ["start", "workingDays"]));
      setError(apiError);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Card title={t("calDueTitle")} style={{ height: "100%" }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void compute(v)}
        initialValues={{ start: dayjs(), workingDays: 20 }}
      >
        <Form.Item name="start" label={t("calStart")} rules={[{ required: true, message: t("calDateRequired") }]}>
          <DatePicker data-testid="cal-due-start" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t("calWorkingDays")}
          rules={[{ required: true, type: "integer", min: 1, max: 1000, message: t("calDaysRange") }]}
        >
          <InputNumber min={1} max={1000} precision={0} data-testid="cal-due-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="cal-due-submit">
            {t("calCompute")}
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} fields={unmatched} />
        {due && (
          <Descriptions
            column={1}
            size="small"
            bordered
            data-testid="cal-due-result"
            items={[
              { key: "start", label: t("calStart"), children: due.start },
              { key: "days", label: t("calWorkingDays"), children: due.workingDays },
              {
                key: "due",
                label: t("calDueDate"),
                children: <Typography.Text strong>{due.dueDate}</Typography.Text>,
              },
              { key: "version", label: t("calVersion"), children: due.calendarVersion },
            ]}
          />
        )}
      </div>
    </Card>
  );
}

/** 工作日计算: the same counting rule the platform's clocks use (spec §3 calendar endpoints, Art. 15). */
export function WorkingDayCalculator() {
  const { t } = useI18n();
  return (
    <div data-testid="working-day-calculator">
      <Typography.Paragraph type="secondary">{t("calRule")}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DayLookup />
        </Col>
        <Col xs={24} lg={12}>
          <DueDateCalculator />
        </Col>
      </Row>
    </div>
  );
}
