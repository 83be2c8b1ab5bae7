import { Breadcrumb, Button, Result, Space } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { type Loaded, useApi } from "../api/hooks.js";
import { usePlatform } from "../context/PlatformContext.js";
import { useI18n } from "../i18n/index.js";
import { ErrorAlert } from "./ErrorAlert.js";
import { PageSpin } from "./Status.js";

interface Props<T> {
  /** The page's test id. */
  testId: string;
  loaded: Loaded<T>;
  /** The address names nothing that could exist (a malformed id): shown as not found without asking. */
  missing?: boolean;
  /** The public list the item belongs to: breadcrumb and the back button. */
  list: { to: string; title: string; back: string; backTestId: string };
  /** The last breadcrumb: the item's name once loaded, else what the address says. */
  crumb: string;
  notFound: { testId: string; title: string; subTitle?: string };
  children(data: T): ReactNode;
}

/** A portal page of one published item: breadcrumb, a spinner, not found (404), other errors with a retry. */
export function DetailPage<T>({ testId, loaded, missing, list, crumb, notFound, children }: Props<T>) {
  const { t } = useI18n();
  const { name } = usePlatform();
  const { data, error, loading, reload } = loaded;
  const back = (
    <Link to={list.to} data-testid={list.backTestId}>
      <Button type="primary">{list.back}</Button>
    </Link>
  );

  let body: ReactNode;
  if (missing || error?.status === 404) {
    body = <Result status="404" data-testid={notFound.testId} title={notFound.title} subTitle={notFound.subTitle} extra={back} />;
  } else if (loading) body = <PageSpin />;
  else if (error) {
    body = (
      <Space orientation="vertical" style={{ width: "100%" }}>
        <ErrorAlert error={error} />
        <Space>
          {back}
          <Button onClick={reload}>{t("retry")}</Button>
        </Space>
      </Space>
    );
  } else if (data) body = children(data);

  return (
    <div className="portal-main" data-testid={testId}>
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">{name}</Link> }, { title: <Link to={list.to}>{list.title}</Link> }, { title: crumb }]} />
      {body}
    </div>
  );
}

/** The item a portal address names by number (`/policies/:id`) from `apiPath/<id>`; no request for an id that cannot exist. */
export function useNumberedItem<T>(apiPath: string) {
  const id = useParams().id ?? "";
  const valid = /^\d+$/.test(id);
  return { id, missing: !valid, loaded: useApi<T>(valid ? `${apiPath}/${id}` : null) };
}
