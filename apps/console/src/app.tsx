import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth-context';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { RequireRole } from './auth/require-role';
import { CaseBoardPage } from './cases/case-board-page';
import { CaseDetailPage } from './cases/case-detail-page';
import { DraftEditorPage } from './drafts/draft-editor-page';
import { ItemDetailPage } from './items/item-detail-page';
import { ItemsPage } from './items/items-page';
import { AppShell } from './layout/app-shell';
import { NotFoundPage } from './layout/not-found-page';
import { LivePage } from './live/live-page';
import { RulesPage } from './rules/rules-page';
import { SlaPolicyPage } from './sla-policy/sla-policy-page';
import { SourcesPage } from './sources/sources-page';
import { StoryPage } from './stories/story-page';
import { UsersPage } from './users/users-page';
import { WebhooksPage } from './webhooks/webhooks-page';
import { DashboardPage } from './insights/dashboard-page';
import { FactsPage } from './facts/facts-page';
import { TemplatesPage } from './templates/templates-page';
import { HandoverPage } from './insights/handover-page';

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppShell />}>
              <Route index element={<ItemsPage />} />
              <Route path="items/:id" element={<ItemDetailPage />} />
              <Route path="live" element={<LivePage />} />
              <Route path="stories/:id" element={<StoryPage />} />
              <Route path="cases" element={<CaseBoardPage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="drafts/:id" element={<DraftEditorPage />} />
              <Route path="sources" element={<SourcesPage />} />
              <Route path="rules" element={<RulesPage />} />
              <Route path="facts" element={<FactsPage />} />
              <Route path="handover" element={<HandoverPage />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route element={<RequireRole role="admin" />}>
                <Route path="users" element={<UsersPage />} />
                <Route path="webhooks" element={<WebhooksPage />} />
                <Route path="sla-policy" element={<SlaPolicyPage />} />
                <Route path="templates" element={<TemplatesPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
