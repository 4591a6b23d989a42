/**
 * A small phrase language over normalized tokens, compiled once into a token trie so that
 * matching a draft costs one map lookup per token plus a walk bounded by the longest phrase.
 *
 * Syntax (space separated):
 *   word          the normalized token
 *   (a b|c|d e)   one of several sequences
 *   x?            x is optional (x is a word, a group or a class)
 *   *             any one token
 *   ...           up to MAX_GAP tokens
 *   @class        a token in a named class (a word set or a test)
 *   $             the end of a clause (a comma, dash or the end of the sentence)
 *   ^             (first item only) the start of a clause
 * A phrase never crosses the end of a sentence.
 */
import type { Token } from './text';

export const MAX_GAP = 4;

export type TokenClass = ReadonlySet<string> | ((token: Token) => boolean);

interface ClassEdge {
  readonly name: string;
  readonly test: (token: Token) => boolean;
  readonly next: TrieNode;
}

interface TrieNode {
  words?: Map<string, TrieNode>;
  classes?: ClassEdge[];
  any?: TrieNode;
  gap?: TrieNode;
  clauseEnd?: TrieNode;
  accepts?: number[];
}

type Item =
  | { type: 'word'; word: string; optional: boolean }
  | { type: 'any'; optional: boolean }
  | { type: 'gap'; optional: boolean }
  | { type: 'clauseEnd'; optional: boolean }
  | { type: 'class'; name: string; optional: boolean }
  | { type: 'group'; alternatives: Item[][]; optional: boolean };

function parse(pattern: string): { anchored: boolean; items: Item[] } {
  const lexemes = pattern.match(/\(|\)|\||\?|[^\s()|?]+/g) ?? [];
  let position = 0;
  let anchored = false;
  if (lexemes[0] === '^') {
    anchored = true;
    position = 1;
  }
  const parseSequence = (): Item[] => {
    const items: Item[] = [];
    while (position < lexemes.length) {
      const lexeme = lexemes[position] as string;
      if (lexeme === ')' || lexeme === '|') break;
      position++;
      let item: Item;
      if (lexeme === '(') {
        const alternatives: Item[][] = [parseSequence()];
        while (lexemes[position] === '|') {
          position++;
          alternatives.push(parseSequence());
        }
        if (lexemes[position] !== ')') throw new Error(`Unclosed group in phrase "${pattern}"`);
        position++;
        item = { type: 'group', alternatives, optional: false };
      } else if (lexeme === '*') item = { type: 'any', optional: false };
      else if (lexeme === '...') item = { type: 'gap', optional: false };
      else if (lexeme === '$') item = { type: 'clauseEnd', optional: false };
      else if (lexeme.startsWith('@')) item = { type: 'class', name: lexeme.slice(1), optional: false };
      else if (lexeme === '?' || lexeme === '^') throw new Error(`Misplaced "${lexeme}" in phrase "${pattern}"`);
      else {
        if (lexeme !== lexeme.toLowerCase() || lexeme.includes("'")) {
          throw new Error(`Phrase words are written normalized (lower case, no apostrophe): "${pattern}"`);
        }
        item = { type: 'word', word: lexeme, optional: false };
      }
      if (lexemes[position] === '?') {
        item.optional = true;
        position++;
      }
      items.push(item);
    }
    return items;
  };
  const items = parseSequence();
  if (position !== lexemes.length) throw new Error(`Unbalanced phrase "${pattern}"`);
  return { anchored, items };
}

function toTest(tokenClass: TokenClass): (token: Token) => boolean {
  if (typeof tokenClass === 'function') return tokenClass;
  return (token) => tokenClass.has(token.norm);
}

/** A compiled set of phrases; `match` reports every phrase found in a sentence. */
export class PhraseMatcher {
  private readonly root: TrieNode = {};
  private readonly clauseStartRoot: TrieNode = {};
  private readonly classTests = new Map<string, (token: Token) => boolean>();
  private phraseCount = 0;

  // Reused between calls so that matching allocates nothing.
  private readonly stackNodes: TrieNode[] = [];
  private readonly stackPositions: number[] = [];

  constructor(classes: Record<string, TokenClass>) {
    for (const [name, tokenClass] of Object.entries(classes)) this.classTests.set(name, toTest(tokenClass));
  }

  /** Adds a phrase; `id` is what `match` reports for it. */
  add(pattern: string, id: number): void {
    const { anchored, items } = parse(pattern);
    if (items.length === 0) throw new Error(`Empty phrase "${pattern}"`);
    const ends = this.insert([anchored ? this.clauseStartRoot : this.root], items, pattern);
    for (const node of ends) (node.accepts ??= []).push(id);
    this.phraseCount++;
  }

  get size(): number {
    return this.phraseCount;
  }

  private insert(frontier: TrieNode[], items: Item[], pattern: string): TrieNode[] {
    let current = frontier;
    for (const item of items) {
      const next = new Set<TrieNode>();
      const step = (node: TrieNode): void => {
        switch (item.type) {
          case 'word': {
            const map = (node.words ??= new Map());
            let child = map.get(item.word);
            if (!child) map.set(item.word, (child = {}));
            next.add(child);
            return;
          }
          case 'any':
            next.add((node.any ??= {}));
            return;
          case 'gap':
            next.add((node.gap ??= {}));
            return;
          case 'clauseEnd':
            next.add((node.clauseEnd ??= {}));
            return;
          case 'class': {
            const test = this.classTests.get(item.name);
            if (!test) throw new Error(`Unknown class @${item.name} in phrase "${pattern}"`);
            const edges = (node.classes ??= []);
            let edge = edges.find((candidate) => candidate.name === item.name);
            if (!edge) edges.push((edge = { name: item.name, test, next: {} }));
            next.add(edge.next);
            return;
          }
          case 'group':
            for (const alternative of item.alternatives) {
              for (const end of this.insert([node], alternative, pattern)) next.add(end);
            }
            return;
        }
      };
      for (const node of current) step(node);
      if (item.optional) for (const node of current) next.add(node);
      current = [...next];
    }
    return current;
  }

  /**
   * Calls `onMatch(id, firstToken, lastToken)` for every phrase that matches inside the
   * sentence whose tokens are `tokens[from..to)`. A phrase may be reported more than once.
   */
  match(tokens: readonly Token[], from: number, to: number, onMatch: (id: number, first: number, last: number) => void): void {
    const nodes = this.stackNodes;
    const positions = this.stackPositions;
    for (let start = from; start < to; start++) {
      const startToken = tokens[start] as Token;
      const startsClause = start === from || (tokens[start - 1] as Token).clause !== startToken.clause;
      nodes.length = 0;
      positions.length = 0;
      nodes.push(this.root);
      positions.push(start);
      if (startsClause) {
        nodes.push(this.clauseStartRoot);
        positions.push(start);
      }
      while (nodes.length > 0) {
        const node = nodes.pop() as TrieNode;
        const position = positions.pop() as number;
        if (node.accepts && position > start) {
          for (const id of node.accepts) onMatch(id, start, position - 1);
        }
        if (node.clauseEnd && position > start) {
          const atEnd = position >= to || (tokens[position] as Token).clause !== (tokens[position - 1] as Token).clause;
          if (atEnd) {
            nodes.push(node.clauseEnd);
            positions.push(position);
          }
        }
        if (node.gap) {
          for (let skip = 0; skip <= MAX_GAP && position + skip <= to; skip++) {
            nodes.push(node.gap);
            positions.push(position + skip);
          }
        }
        if (position >= to) continue;
        const token = tokens[position] as Token;
        const child = node.words?.get(token.norm);
        if (child) {
          nodes.push(child);
          positions.push(position + 1);
        }
        if (node.any) {
          nodes.push(node.any);
          positions.push(position + 1);
        }
        if (node.classes) {
          for (const edge of node.classes) {
            if (edge.test(token)) {
              nodes.push(edge.next);
              positions.push(position + 1);
            }
          }
        }
      }
    }
  }
}
