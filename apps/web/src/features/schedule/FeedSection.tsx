import { useApiClient } from '../../api/ApiClientContext';
import { useApiQuery } from '../../api/useApiQuery';
import { FormMessage } from '../../components/FormMessage';
import { problemSentence } from '../../components/formErrors';
import { QueryView } from '../../components/QueryView';
import { useSubmission } from '../../components/useSubmission';
import { FeedLink } from './FeedLink';
import { getCalendarFeed, rotateCalendarFeed } from './scheduleApi';

/** The parent's own calendar link (each parent has their own). */
export function FeedSection({ caseId }: { caseId: string }) {
  const api = useApiClient();
  const feed = useApiQuery(['calendar-feed', caseId], (client) => getCalendarFeed(client, caseId));
  const { busy, error, run } = useSubmission();
  return (
    <section className="card" aria-labelledby="feed-heading">
      <h3 id="feed-heading">Your calendar app</h3>
      <QueryView query={feed} loading="Loading your calendar link…" failed="Your calendar link could not be loaded.">
        {(loaded) => (
          <>
            <FeedLink
              url={loaded.url}
              busy={busy}
              onRotate={() =>
                run(async () => {
                  feed.setData(await rotateCalendarFeed(api, caseId));
                })
              }
            />
            <FormMessage>{error && <p>{problemSentence(error)}</p>}</FormMessage>
          </>
        )}
      </QueryView>
    </section>
  );
}
