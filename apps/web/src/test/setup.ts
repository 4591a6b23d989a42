import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(cleanup);

// findBy* and waitFor wait for what follows an effect or a request. On a busy machine (CI on a
// shared runner) that can take longer than the default second; a real failure still fails.
configure({ asyncUtilTimeout: 5_000 });
