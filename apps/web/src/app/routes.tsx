import { useEffect, useRef } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useParams } from 'react-router';
import { Layout } from '../components/Layout';
import { AccountPage } from '../features/account/AccountPage';
import { ConfirmEmailPage } from '../features/account/ConfirmEmailPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { RequireSignIn } from '../features/auth/RequireSignIn';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignedInAs } from '../features/auth/SignedInAs';
import { CaseLayout } from '../features/cases/CaseLayout';
import { CaseOverview } from '../features/cases/CaseOverview';
import { ExpensesPage } from '../features/expenses/ExpensesPage';
import { HomePage } from '../features/home/HomePage';
import { InvitePage } from '../features/invitations/InvitePage';
import { ProfessionalLinkPage } from '../features/professional-access/ProfessionalLinkPage';
import { ProfessionalRecordPage } from '../features/professional-access/ProfessionalRecordPage';
import { MessagesPage } from '../features/messages/MessagesPage';
import { RecordPage } from '../features/record/RecordPage';
import { VerifyPage } from '../features/record/VerifyPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { TermsPage } from '../features/terms/TermsPage';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';

/**
 * Every address of the app (DESIGN.md, "Web client"). `/cases/:caseId` is the link that
 * notice mails carry and opens on the case's messages; `/cases/:caseId/about` holds who
 * and what the case is about. Case pages ask a signed-out visitor to sign in and return.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route index element={<HomePage />} />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route path="reset/:token" element={<ResetPasswordPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="confirm-email/:token" element={<ConfirmEmailPage />} />
        <Route
          path="account"
          element={
            <RequireSignIn>
              <AccountPage />
            </RequireSignIn>
          }
        />
        <Route path="verify" element={<VerifyPage />} />
        {/* A professional's link and read-only view: no sign-in, no case pages, nothing to send. */}
        <Route path="p" element={<ProfessionalRecordPage />} />
        <Route path="p/:secret" element={<ProfessionalLinkPage />} />
        <Route path="cases" element={<Navigate to={paths.home} replace />} />
        <Route
          path="cases/:caseId"
          element={
            <RequireSignIn>
              <CaseLayout />
            </RequireSignIn>
          }
        >
          <Route index element={<MessagesPage />} />
          <Route path="messages" element={<ToCaseMessages />} />
          <Route path="about" element={<CaseOverview />} />
          <Route path="schedule" element={<SchedulePage />} />
          <Route path="expenses" element={<ExpensesPage />} />
          <Route path="record" element={<RecordPage />} />
          <Route path="terms" element={<TermsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** `/cases/:caseId/messages`, an older address of the messages, leads to the case page with the same view. */
function ToCaseMessages() {
  const caseId = useParams().caseId ?? '';
  const { search } = useLocation();
  return <Navigate to={`${paths.case(caseId)}${search}`} replace />;
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
