import { ConfigProvider, App as AntApp } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type DictKey } from "./en.js";
import { zh } from "./zh.js";

export type Lang = "zh" | "en";
export type { DictKey };

const STORAGE_KEY = "tzxm.lang";
const DICTS: Record<Lang, Record<DictKey, string>> = { zh, en };

/**
 * Government style: antd defaults with a deep blue primary colour. Users who ask their system for reduced motion
 * (prefers-reduced-motion, an accessibility setting; the browser tests ask for it too, so that no click lands on a
 * dialog still zooming in) get antd without its animations.
 */
const REDUCED_MOTION = typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const THEME = { token: { colorPrimary: "#1d4ed8", borderRadius: 4, motion: !REDUCED_MOTION } };

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** For keys built from server values (`status_${status}`): unknown values fall back to the raw text. */
export function isDictKey(key: string): key is DictKey {
  return Object.hasOwn(zh, key);
}

/** Translation outside React (the API client's own messages). */
export function translate(lang: Lang, key: DictKey, vars?: Record<string, string | number>): string {
  return format(DICTS[lang][key], vars);
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: DictKey, vars?: Record<string, string | number>): string;
  /** Picks the side of a `{ zh, en }` label (ROLE_LABELS and the like). */
  pick(label: { zh: string; en: string } | undefined, fallback?: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (label, fallback = "") => (label ? label[lang] : fallback),
    }),
    [lang, setLang],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === "zh" ? zhCN : enUS} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside LanguageProvider");
  return value;
}
