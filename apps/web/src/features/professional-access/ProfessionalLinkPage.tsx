import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import { asApiError } from '../../api/client';
import { paths } from '../../app/paths';
import { usePageTitle } from '../../components/usePageTitle';
import { openVisit, type ProfessionalView } from './accessApi';
import { visitProblemInWords } from './visitWords';
import type { VisitPageState } from './ProfessionalRecordPage';

/**
 * The exchange under way for each secret. Each exchange is a visit, recorded in the case: a
 * second run of the effect while it is under way (React's development checks, a quick
 * re-render) joins it instead of recording another. Once settled, a new opening is a new visit.
 */
const exchanges = new Map<string, Promise<ProfessionalView>>();

/**
 * `/p/:secret`, the link a professional receives: the secret is exchanged at once for a
 * visit (an httpOnly cookie), then the address is replaced by `/p`, so the secret leaves the
 * address bar and the history, and the record opens there. A link that does not work says
 * why there too.
 */
export function ProfessionalLinkPage() {
  const secret = useParams().secret ?? '';
  const api = useApiClient();
  const navigate = useNavigate();
  usePageTitle('Opening a shared record');

  useEffect(() => {
    let current = true;
    let exchange = exchanges.get(secret);
    if (!exchange) {
      exchange = openVisit(api, secret);
      exchanges.set(secret, exchange);
      const settled = () => exchanges.delete(secret);
      exchange.then(settled, settled);
    }
    exchange.then(
      () => {
        if (current) void navigate(paths.professionalRecord, { replace: true });
      },
      (error: unknown) => {
        const state: VisitPageState = { problem: visitProblemInWords(asApiError(error)) };
        if (current) void navigate(paths.professionalRecord, { replace: true, state });
      },
    );
    return () => {
      current = false;
    };
  }, [api, navigate, secret]);

  return (
    <p className="muted" role="status">
      Opening the record…
    </p>
  );
}
