import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { DraftAnalysis, Nudge } from '@parallel/domain';
import { asApiError, UNREACHABLE } from '../../api/client';
import type { Case, Message, MessageTopic } from '../../api/types';
import { FormMessage } from '../../components/FormMessage';
import { highlightSegments } from '../nudges/highlights';
import { HighlightedTextarea } from '../nudges/HighlightedTextarea';
import { loadAnalyzer, useAnalyzer } from '../nudges/loadAnalyzer';
import { NudgeList } from '../nudges/NudgeList';
import { ReviewDialog } from '../nudges/ReviewDialog';
import { markCommitted, timedAnalysis } from '../nudges/timing';
import { createComposerApi, looksLikeAllowance, SendHeldBack, type Allowance, type ComposerApi } from './composerApi';
import { DraftKey } from './draftKey';
import './composer.css';
import { allowanceWords, heldBackWords, sentWords, termsWords, TOPICS } from './words';

export interface ComposerProps {
  caseId: string;
  /** Called with the stored message once a send is accepted (delivered or held for a window). */
  onSent?: (message: Message) => void;
  /** The topic to start with (e.g. the thread on screen); "schedule" when not given. */
  topic?: MessageTopic;
  /** Where the composer's calls go; the same origin by default (tests pass a test server). */
  api?: ComposerApi;
  /** A heading of its own, for a page that does not give the composer one. */
  heading?: string;
}

/** Counted like the API counts: in Unicode code points. */
const TEXT_MAX = 5000;
const sameOrigin = createComposerApi();

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

interface Terms {
  found: Case | null;
  allowance: Allowance | null;
}

/** The case's terms and the caller's allowance; either may be missing (an older API, a dropped call). */
function useTerms(api: ComposerApi, caseId: string, refresh: number): Terms {
  const [terms, setTerms] = useState<Terms>({ found: null, allowance: null });
  useEffect(() => {
    let current = true;
    void Promise.allSettled([api.getCase(caseId), api.getAllowance(caseId)]).then(([found, allowance]) => {
      if (!current) return;
      setTerms((previous) => ({
        found: found.status === 'fulfilled' ? found.value : previous.found,
        allowance: allowance.status === 'fulfilled' && looksLikeAllowance(allowance.value) ? allowance.value : null,
      }));
    });
    return () => {
      current = false;
    };
  }, [api, caseId, refresh]);
  return terms;
}

interface Notice {
  tone: 'attention' | 'done';
  /** Worded when shown, so times follow the case's zone even if it arrived after the answer. */
  text: string | ((timeZone: string | undefined) => string);
}

/**
 * The message composer: topic, text, urgent, what is left today and when it will arrive,
 * grey-rock nudges as the parent types, a short review before a draft with nudges goes,
 * and a send that a double click or a retry can never turn into two messages.
 */
export function Composer({
  caseId,
  onSent,
  topic: initialTopic = 'schedule',
  api = sameOrigin,
  heading,
}: ComposerProps) {
  const id = useId();
  const [topic, setTopic] = useState<MessageTopic>(initialTopic);
  const [text, setText] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [sending, setSending] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [refresh, setRefresh] = useState(0);
  const sendingNow = useRef(false);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const draftKey = useRef<DraftKey | null>(null);
  draftKey.current ??= new DraftKey();

  const { found, allowance } = useTerms(api, caseId, refresh);
  const timeZone = found?.timeZone;
  const words = allowance ? allowanceWords(allowance, timeZone) : found ? termsWords(found) : null;

  const analyzer = useAnalyzer();
  // Analysed on every keystroke, in the same render: highlights never lag the text.
  const analysis = useMemo<{ text: string; result: DraftAnalysis } | null>(
    () => (analyzer && text.trim() !== '' ? { text, result: timedAnalysis(analyzer, text) } : null),
    [analyzer, text],
  );
  useLayoutEffect(() => {
    if (analysis) markCommitted();
  }, [analysis]);
  // The list below the field (and its suggestions, worked out when read) may trail by a render.
  const listed = useDeferredValue(analysis);
  const segments = useMemo(
    () => (analysis ? highlightSegments(analysis.text, analysis.result.nudges) : [{ text, kind: null }]),
    [analysis, text],
  );

  const changeText = (value: string) => {
    if (value !== '') {
      draftKey.current?.start();
      loadAnalyzer().catch(() => undefined);
    }
    setText(value);
  };

  const applySuggestion = (nudge: Nudge) => {
    if (!analyzer || !listed || listed.text !== text) return;
    const suggestion = nudge.suggestion;
    if (!suggestion) return;
    const next = analyzer.applyNudgeSuggestion(text, nudge);
    setText(next);
    const caret = suggestion.start + suggestion.text.length;
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(caret, caret);
    });
  };

  const send = async () => {
    if (sendingNow.current) return;
    sendingNow.current = true;
    setSending(true);
    setReviewing(false);
    const message = { topic, text, urgent };
    const key = draftKey.current!.forSend(JSON.stringify(message));
    try {
      const sent = await api.send(caseId, message, key);
      draftKey.current!.settle();
      setText('');
      setUrgent(false);
      setNotice({ tone: 'done', text: (zone) => sentWords(sent, zone) });
      onSent?.(sent);
    } catch (caught) {
      const error = asApiError(caught);
      if (error instanceof SendHeldBack) {
        draftKey.current!.settle();
        setNotice({ tone: 'attention', text: (zone) => heldBackWords(error.reason, error.retryAt, zone) });
      } else if (error.status === UNREACHABLE) {
        setNotice({
          tone: 'attention',
          text: 'The message could not be sent: Parallel could not be reached. Your draft is kept, and pressing Send again is safe: it cannot arrive twice.',
        });
      } else {
        setNotice({ tone: 'attention', text: `${error.message} Your draft is kept.` });
      }
    } finally {
      sendingNow.current = false;
      setSending(false);
      setRefresh((count) => count + 1);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sendingNow.current || reviewing) return;
    if (text.trim() === '') {
      setNotice({ tone: 'attention', text: 'Write the message first, then send it.' });
      textarea.current?.focus();
      return;
    }
    const length = codePoints(text);
    if (length > TEXT_MAX) {
      setNotice({
        tone: 'attention',
        text: `Messages can be up to ${TEXT_MAX.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}. A shorter message is also easier to keep calm.`,
      });
      return;
    }
    setNotice(null);
    // A draft with nudges pauses once for a review; a grey-rock draft goes at once.
    const current = analyzer ? analyzer.analyzeDraft(text) : null;
    if (current && !current.greyRock) setReviewing(true);
    else void send();
  };

  const closeReview = () => {
    setReviewing(false);
    requestAnimationFrame(() => textarea.current?.focus());
  };

  const length = codePoints(text);
  const reviewNudges = reviewing && analyzer ? analyzer.analyzeDraft(text).nudges : [];
  const labels = analyzer?.NUDGE_KIND_LABELS;

  return (
    <div className="composer">
      {heading && <h2>{heading}</h2>}
      <p className="composer__allowance" id={`${id}-allowance`}>
        {words?.sends ?? '\u00a0'}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-topic`}>Topic</label>
          <select id={`${id}-topic`} value={topic} onChange={(event) => setTopic(event.target.value as MessageTopic)}>
            {TOPICS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Message</label>
          <p className="field__hint" id={`${id}-hint`}>
            Short and factual works best: times, places, what is needed.
            {length > TEXT_MAX * 0.9 &&
              ` ${length.toLocaleString('en-GB')} of ${TEXT_MAX.toLocaleString('en-GB')} characters.`}
          </p>
          <HighlightedTextarea
            id={`${id}-text`}
            textareaRef={textarea}
            value={text}
            onChange={changeText}
            segments={segments}
            rows={6}
            aria-describedby={`${id}-hint ${id}-nudges`}
          />
        </div>
        {labels && listed && (
          <NudgeList
            id={`${id}-nudges`}
            text={listed.text}
            nudges={listed.result.nudges}
            labels={labels}
            onApply={applySuggestion}
          />
        )}
        {!(labels && listed) && <div className="nudges" id={`${id}-nudges`} />}
        {words && !words.urgentOffered && <p className="composer__urgent-off">{words.urgent}</p>}
        {(!words || words.urgentOffered) && (
          <div className="field field--check">
            <input
              type="checkbox"
              id={`${id}-urgent`}
              checked={urgent}
              onChange={(event) => setUrgent(event.target.checked)}
              aria-describedby={words ? `${id}-urgent-hint` : undefined}
            />
            <label htmlFor={`${id}-urgent`}>Urgent: deliver at once</label>
            {words && (
              <p className="field__hint" id={`${id}-urgent-hint`}>
                {words.urgent}
              </p>
            )}
          </div>
        )}
        {words?.delivery(urgent) && <p className="composer__delivery">{words.delivery(urgent)}</p>}
        <FormMessage tone={notice?.tone}>
          {typeof notice?.text === 'function' ? notice.text(timeZone) : notice?.text}
        </FormMessage>
        <button type="submit" aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </form>
      {labels && (
        <ReviewDialog
          open={reviewing}
          nudges={reviewNudges}
          labels={labels}
          onEdit={closeReview}
          onSendAsWritten={() => void send()}
        />
      )}
    </div>
  );
}
