import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../ui/states.tsx';
import { queryClient } from '../lib/query-client.ts';
import { useSession } from '../lib/session.ts';
import { prefetchBoard } from '../features/desk/board/board-prefetch.ts';
import { ErrorState } from '../ui/states.tsx';
import { DeskLayout } from './desk-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Every page is its own chunk: the sign-in screen loads without the board, the board without the editor.
const SignInPage = lazy(() => import('../features/desk/auth/sign-in-page.tsx'));
const ProfilePage = lazy(() => import('../features/desk/auth/profile-page.tsx'));
const loadBoard = () => import('../features/desk/board/board-page.tsx');
// The board is where most sessions start: fetch its chunk alongside the session check, not after
// it, and its first rows as soon as the session is known (board-prefetch.ts).
if (typeof window !== 'undefined' && /^\/(tickets\/?)?$/.test(window.location.pathname)) {
  void loadBoard();
  void prefetchBoard(queryClient, window.location.search);
}
const BoardPage = lazy(loadBoard);
const TicketPage = lazy(() => import('../features/desk/ticket/ticket-page.tsx'));
const CreateTicketPage = lazy(() => import('../features/desk/create/create-ticket-page.tsx'));
const CustomersPage = lazy(() => import('../features/desk/customers/customers-page.tsx'));
const CustomerPage = lazy(() => import('../features/desk/customers/customer-page.tsx'));
const AdminPage = lazy(() => import('../features/desk/admin/admin-page.tsx'));
const ChangeLogPage = lazy(() => import('../features/desk/admin/change-log/change-log-page.tsx'));
const SlaAdminPage = lazy(() => import('../features/desk/sla-admin/sla-admin-page.tsx'));
const FieldAdminPage = lazy(() => import('../features/desk/field-admin/field-admin-page.tsx'));
const TodosPage = lazy(() => import('../features/desk/notifications/todos-page.tsx'));
const OpsBoardPage = lazy(() => import('../features/desk/notifications/ops-board-page.tsx'));
const SuspiciousClosesPage = lazy(() => import('../features/desk/confirmations/suspicious-closes-page.tsx'));
const CallbackBatchPage = lazy(() => import('../features/desk/confirmations/callback-batch-page.tsx'));
const KnowledgePage = lazy(() => import('../features/desk/knowledge/knowledge-page.tsx'));
const KnowledgeCardPage = lazy(() => import('../features/desk/knowledge/card-page.tsx'));

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <div style={{ padding: 48 }}><Loading rows={6} /></div>;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

const page = (node: ReactNode) => <Suspense fallback={<Loading rows={8} />}>{node}</Suspense>;

export function DeskRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/sign-in" element={page(<SignInPage />)} />
        <Route element={<RequireSession><DeskLayout /></RequireSession>}>
          <Route index element={<Navigate to="/tickets" replace />} />
          <Route path="/tickets" element={page(<BoardPage />)} />
          <Route path="/tickets/new" element={page(<CreateTicketPage />)} />
          <Route path="/tickets/:id" element={page(<TicketPage />)} />
          <Route path="/customers" element={page(<CustomersPage />)} />
          <Route path="/customers/:id" element={page(<CustomerPage />)} />
          <Route path="/admin" element={page(<AdminPage />)} />
          <Route path="/admin/changes" element={page(<ChangeLogPage />)} />
          <Route path="/admin/sla" element={page(<SlaAdminPage />)} />
          <Route path="/admin/field" element={page(<FieldAdminPage />)} />
          <Route path="/todos" element={page(<TodosPage />)} />
          <Route path="/ops" element={page(<OpsBoardPage />)} />
          <Route path="/confirmations" element={page(<SuspiciousClosesPage />)} />
          <Route path="/confirmations/callbacks/:id" element={page(<CallbackBatchPage />)} />
          <Route path="/knowledge" element={page(<KnowledgePage />)} />
          <Route path="/knowledge/:id" element={page(<KnowledgeCardPage />)} />
          <Route path="/profile" element={page(<ProfilePage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
