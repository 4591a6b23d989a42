import { fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnalyzer } from '../nudges/loadAnalyzer';
import { ShieldedText } from './ShieldedText';

const HOSTILE = 'You are such a useless idiot. Pick-up is at 17:30 on Friday at the school gate. The trip costs £40.';

beforeAll(async () => {
  await loadAnalyzer();
});

describe('ShieldedText', () => {
  it('shows the plain text when the shield is off', () => {
    const { container } = render(<ShieldedText text={HOSTILE} shieldOn={false} />);
    expect(container.textContent).toBe(HOSTILE);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('puts the facts first and folds the flagged sentences behind "Show the rest"', async () => {
    const { container } = render(<ShieldedText text={HOSTILE} shieldOn />);
    const toggle = await screen.findByRole('button', { name: 'Show the rest' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const facts = container.querySelector('dl')!;
    expect(facts.getAttribute('aria-label')).toBe('The facts in this message');
    expect([...facts.querySelectorAll('dt, dd')].map((item) => item.textContent)).toEqual([
      'When',
      '17:30, Friday',
      'Where',
      'the school gate',
      'Amounts',
      '£40',
    ]);
    expect(screen.queryByText(/idiot/)).toBeNull();
    expect(screen.getByText('Pick-up is at 17:30 on Friday at the school gate. The trip costs £40.')).toBeTruthy();
    expect(screen.getByText(/Folded away: 1 sentence \(Hostile words[^)]*\)/)).toBeTruthy();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(HOSTILE)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fold the rest away' }));
    expect(screen.queryByText(/idiot/)).toBeNull();
  });

  it('shows a grey-rock message as it is', async () => {
    const text = 'Pick-up is at 17:30 on Friday.';
    const { container } = render(<ShieldedText text={text} shieldOn />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.textContent).toBe(text);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
