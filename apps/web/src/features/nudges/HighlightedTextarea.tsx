import { useLayoutEffect, useRef, type Ref, type TextareaHTMLAttributes } from 'react';
import type { Segment } from './highlights';

type HighlightedTextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  segments: readonly Segment[];
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/**
 * A real textarea (screen readers, spellcheck, selection and undo work as usual) over a
 * copy of its text that draws the highlights. The copy is hidden from assistive
 * technology; the nudges are also listed in words below the field, so nothing is said by
 * colour alone, and the marks are underlined as well as tinted.
 */
export function HighlightedTextarea({
  value,
  onChange,
  segments,
  textareaRef,
  className,
  ...textarea
}: HighlightedTextareaProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const backdrop = useRef<HTMLDivElement | null>(null);

  // Keep the copy the same size as the textarea's text area (scrollbar excluded) and scrolled alike.
  useLayoutEffect(() => {
    const field = own.current;
    const copy = backdrop.current;
    if (!field || !copy) return;
    const fit = () => {
      copy.style.width = `${field.clientWidth}px`;
      copy.style.height = `${field.clientHeight}px`;
      copy.scrollTop = field.scrollTop;
      copy.scrollLeft = field.scrollLeft;
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(field);
    field.addEventListener('scroll', fit);
    return () => {
      observer?.disconnect();
      field.removeEventListener('scroll', fit);
    };
  }, []);

  useLayoutEffect(() => {
    const field = own.current;
    const copy = backdrop.current;
    if (field && copy) copy.scrollTop = field.scrollTop;
  });

  const setRef = (element: HTMLTextAreaElement | null) => {
    own.current = element;
    if (typeof textareaRef === 'function') textareaRef(element);
    else if (textareaRef) textareaRef.current = element;
  };

  return (
    <div className={`highlighted-field${className ? ` ${className}` : ''}`}>
      <div className="highlighted-field__backdrop" ref={backdrop} aria-hidden="true">
        <div className="highlighted-field__copy">
          {segments.map((segment, index) =>
            segment.kind ? (
              <mark key={index} className={`nudge-mark nudge-mark--${segment.kind}`}>
                {segment.text}
              </mark>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )}
          {/* A trailing line break needs something after it to take up its line. */}
          {'\u200b'}
        </div>
      </div>
      <textarea
        {...textarea}
        ref={setRef}
        className="highlighted-field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
