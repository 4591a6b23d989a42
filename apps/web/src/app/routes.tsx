import { useEffect, useRef } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { Layout } from '../components/Layout';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignedInAs } from '../features/auth/SignedInAs';
import { CaseLayout } from '../features/cases/CaseLayout';
import { CaseOverview } from '../features/cases/CaseOverview';
import { ExpensesPage } from '../features/expenses/ExpensesPage';
import { HomePage } from '../features/home/HomePage';
import { InvitePage } from '../features/invitations/InvitePage';
import { MessagesPage } from '../features/messages/MessagesPage';
import { RecordPage } from '../features/record/RecordPage';
import { VerifyPage } from '../features/record/VerifyPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';

/**
 * Every address of the app (DESIGN.md, "Web client"). `/cases/:caseId` is the link that
 * notice mails carry; case pages ask a signed-out visitor to sign in and then return.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route index element={<HomePage />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route path="reset/:token" element={<ResetPasswordPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="cases" element={<Navigate to={paths.home} replace />} />
        <Route
          path="cases/:caseId"
          element={
            <RequireSignIn>
              <CaseLayout />
            </RequireSignIn>
          }
        >
          <Route index element={<CaseOverview />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="schedule" element={<SchedulePage />} />
          <Route path="expenses" element={<ExpensesPage />} />
          <Route path="record" element={<RecordPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The frame around every page: header with the account, main content, footer. */
function AppFrame() {
  useFocusOnNavigation();
  return (
    <Layout actions={<SignedInAs />}>
      <Outlet />
    </Layout>
  );
}

/**
 * After moving to another page, start at its top with keyboard focus on its content, as
 * a full page load would; the first load leaves focus where the browser put it.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus();
  }, [pathname]);
}
