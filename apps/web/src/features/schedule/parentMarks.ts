/**
 * How each parent is told apart on the calendar without relying on colour: a short
 * mark of letters from their name (distinct for the two parents), a fill pattern (plain
 * for the first parent, stripes for the second) and, for screen readers, the name.
 */
export interface ParentMark {
  parentId: string;
  name: string;
  /** One or two letters, never the same as the other parent's. */
  letters: string;
  /** The fill: 'first' plain, 'second' striped. */
  style: 'first' | 'second';
}

interface Named {
  userId: string;
  displayName: string;
}

function lettersOf(name: string, length: number): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (length === 1 || words.length < 2) return [...name.trim()].slice(0, length).join('').toLocaleUpperCase();
  // "Sam Lee" -> "SL"
  return words
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** The marks of a case's parents, in the case's order (the first parent is the case's creator). */
export function parentMarks(parents: readonly Named[]): ParentMark[] {
  const names = parents.map((parent) => parent.displayName.trim() || 'Parent');
  let letters = names.map((name) => lettersOf(name, 1));
  if (new Set(letters).size < letters.length) letters = names.map((name) => lettersOf(name, 2));
  if (new Set(letters).size < letters.length) letters = names.map((_, index) => String(index + 1));
  return parents.map((parent, index) => ({
    parentId: parent.userId,
    name: names[index] ?? 'Parent',
    letters: letters[index] ?? String(index + 1),
    style: index === 0 ? 'first' : 'second',
  }));
}

export function markOf(marks: readonly ParentMark[], parentId: string | null | undefined): ParentMark | undefined {
  return parentId ? marks.find((mark) => mark.parentId === parentId) : undefined;
}
