import { createContext, useContext, useEffect, type ReactNode } from "react";
import type { ApiError } from "../api/client.js";
import { useApi } from "../api/hooks.js";
import type { PlatformInfo } from "../api/types.js";
import { useI18n } from "../i18n/index.js";

interface PlatformState {
  platform: PlatformInfo | undefined;
  error: ApiError | undefined;
  /** The deployment's own name, or the generic one until it is known. */
  name: string;
}

const PlatformContext = createContext<PlatformState | null>(null);

export function PlatformProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { data, error } = useApi<PlatformInfo>("/platform");
  const name = data?.name ?? t("platformNameFallback");

  useEffect(() => {
    document.title = name;
  }, [name]);

  return <PlatformContext.Provider value={{ platform: data, error, name }}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): PlatformState {
  const value = useContext(PlatformContext);
  if (!value) throw new Error("usePlatform outside PlatformProvider");
  return value;
}
