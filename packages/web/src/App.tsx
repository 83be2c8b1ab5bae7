import { lazy, Suspense, type ComponentType } from "react";
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from "react-router-dom";
import { RequirePermission, RequireSession } from "./admin/guards.js";
import { MENU } from "./admin/menu.js";
import { DemoBanner } from "./components/DemoBanner.js";
import { NotFound, PageSpin } from "./components/Status.js";
import { PlatformProvider } from "./context/PlatformContext.js";
import { SessionProvider } from "./context/SessionContext.js";

/** Each page is its own chunk: the portal never downloads the back office, and nobody downloads ECharts early. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const PortalLayout = page(() => import("./portal/PortalLayout.js"), "PortalLayout");
const PortalHome = page(() => import("./portal/PortalHome.js"), "PortalHome");
const PortalCalendar = page(() => import("./portal/PortalCalendar.js"), "PortalCalendar");
const ProjectPage = page(() => import("./portal/ProjectPage.js"), "ProjectPage");
const DeclarePage = page(() => import("./portal/declare/DeclarePage.js"), "DeclarePage");
const GuidesPage = page(() => import("./portal/guides/GuidesPage.js"), "GuidesPage");
const GuidePage = page(() => import("./portal/guides/GuidePage.js"), "GuidePage");
const PoliciesPage = page(() => import("./portal/policies/PoliciesPage.js"), "PoliciesPage");
const PolicyPage = page(() => import("./portal/policies/PolicyPage.js"), "PolicyPage");
const IntermediariesPage = page(() => import("./portal/intermediaries/IntermediariesPage.js"), "IntermediariesPage");
const IntermediaryPage = page(() => import("./portal/intermediaries/IntermediaryPage.js"), "IntermediaryPage");
const DisclosuresPage = page(() => import("./portal/disclosures/DisclosuresPage.js"), "DisclosuresPage");
const LoginPage = page(() => import("./admin/LoginPage.js"), "LoginPage");
const AdminLayout = page(() => import("./admin/AdminLayout.js"), "AdminLayout");
const EnrolPage = page(() => import("./admin/account/EnrolPage.js"), "EnrolPage");

const ADMIN_PAGES: Record<string, ComponentType> = {
  workbench: page(() => import("./admin/workbench/WorkbenchPage.js"), "WorkbenchPage"),
  projects: page(() => import("./admin/projects/ProjectsPage.js"), "ProjectsPage"),
  cases: page(() => import("./admin/cases/CasesPage.js"), "CasesPage"),
  guides: page(() => import("./admin/guides/GuidesPage.js"), "GuidesPage"),
  catalogue: page(() => import("./admin/catalogue/CataloguePage.js"), "CataloguePage"),
  content: page(() => import("./admin/content/ContentPage.js"), "ContentPage"),
  commissions: page(() => import("./admin/commissions/CommissionsPage.js"), "CommissionsPage"),
  disclosures: page(() => import("./admin/disclosures/DisclosuresAdminPage.js"), "DisclosuresAdminPage"),
  supervision: page(() => import("./admin/supervision/SupervisionPage.js"), "SupervisionPage"),
  dashboard: page(() => import("./admin/dashboard/DashboardPage.js"), "DashboardPage"),
  users: page(() => import("./admin/users/UsersPage.js"), "UsersPage"),
  "api-keys": page(() => import("./admin/api-keys/ApiKeysPage.js"), "ApiKeysPage"),
  organisations: page(() => import("./admin/organisations/OrganisationsPage.js"), "OrganisationsPage"),
  audit: page(() => import("./admin/audit/AuditPage.js"), "AuditPage"),
  reference: page(() => import("./admin/reference/ReferencePage.js"), "ReferencePage"),
  operations: page(() => import("./admin/operations/OperationsPage.js"), "OperationsPage"),
  calendar: page(() => import("./admin/AdminCalendarPage.js"), "AdminCalendarPage"),
  account: page(() => import("./admin/account/AccountPage.js"), "AccountPage"),
};

function Root() {
  return (
    <PlatformProvider>
      <SessionProvider>
        <DemoBanner />
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </SessionProvider>
    </PlatformProvider>
  );
}

const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHome /> },
          { path: "calendar", element: <PortalCalendar /> },
          { path: "projects/:code", element: <ProjectPage /> },
          { path: "declare", element: <DeclarePage /> },
          { path: "guides", element: <GuidesPage /> },
          { path: "guides/:matterCode", element: <GuidePage /> },
          { path: "policies", element: <PoliciesPage /> },
          { path: "policies/:id", element: <PolicyPage /> },
          { path: "intermediaries", element: <IntermediariesPage /> },
          { path: "intermediaries/:id", element: <IntermediaryPage /> },
          { path: "disclosures", element: <DisclosuresPage /> },
        ],
      },
      { path: "admin/login", element: <LoginPage /> },
      {
        path: "admin",
        element: <RequireSession />,
        children: [
          {
            element: <AdminLayout />,
            children: [
              { index: true, element: <Navigate to="/admin/workbench" replace /> },
              { path: "enrol", element: <EnrolPage /> },
              ...MENU.map((entry) => {
                const Page = ADMIN_PAGES[entry.key] ?? NotFound;
                return {
                  path: entry.key,
                  element: (
                    <RequirePermission permission={entry.permission}>
                      <Page />
                    </RequirePermission>
                  ),
                };
              }),
              { path: "*", element: <NotFound /> },
            ],
          },
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
