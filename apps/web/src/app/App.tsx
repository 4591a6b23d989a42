import { SessionProvider } from '../features/auth/SessionProvider';
import { AppRoutes } from './routes';

/**
 * The whole web app below a router: main.tsx gives it the browser's address bar, tests
 * give it a MemoryRouter at the address they need.
 */
export function App() {
  return (
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>
  );
}
