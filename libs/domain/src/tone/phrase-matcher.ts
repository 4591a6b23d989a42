/**
 * A small phrase language over normalized tokens, compiled once into a token graph so that
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
 *
 * Phrases that begin alike share their first nodes (a trie). The alternatives of a group
 * then meet again in one node private to the phrase, so that a phrase with several groups
 * stays the size of its text instead of the product of its alternatives.
 */
import type { Token } from './text';

export const MAX_GAP = 4;

export type TokenClass = ReadonlySet<string> | ((token: Token) => boolean);

interface ClassEdge {
  readonly name: string;
  readonly tokenClass: TokenClass;
  readonly next: TrieNode;
}

interface TestEdge {
  readonly test: (token: Token) => boolean;
  readonly next: CompiledNode;
}

interface TrieNode {
  /** A node where a group's alternatives meet: only its own phrase may extend it. */
  readonly joined?: boolean;
  words?: Map<string, TrieNode[]>;
  classes?: ClassEdge[];
  any?: TrieNode;
  gap?: TrieNode;
  clauseEnd?: TrieNode;
  /** Nodes reached without reading a token (where alternatives meet). */
  also?: TrieNode[];
  accepts?: number[];
}

/**
 * The matching form of a node, built once before the first match: the node together with
 * every node it reaches without reading a token, literal words and word-set classes merged
 * into one map (one lookup per step); only classes that are tests stay as tests.
 */
interface CompiledNode {
  /** Keyed by word id (see `wordIds`). */
  next?: Map<number, CompiledNode[]>;
  tests?: TestEdge[];
  any?: CompiledNode[];
  gap?: CompiledNode[];
  clauseEnd?: CompiledNode[];
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

function pushUnique<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

/** A compiled set of phrases; `match` reports every phrase found in a sentence. */
export class PhraseMatcher {
  private readonly root: TrieNode = {};
  private readonly clauseStartRoot: TrieNode = {};
  private readonly classes = new Map<string, TokenClass>();
  private phraseCount = 0;
  private compiledRoot: CompiledNode | null = null;
  private compiledClauseStartRoot: CompiledNode = {};
  /** Every word any phrase can read, numbered; other words read as -1. */
  private readonly vocabulary = new Map<string, number>();
  private rootTable: (CompiledNode[] | undefined)[] = [];
  private clauseStartTable: (CompiledNode[] | undefined)[] = [];

  // Reused between calls so that matching allocates nothing.
  private readonly stackNodes: CompiledNode[] = [];
  private readonly stackPositions: number[] = [];

  constructor(classes: Record<string, TokenClass>) {
    for (const [name, tokenClass] of Object.entries(classes)) this.classes.set(name, tokenClass);
  }

  /** Adds a phrase; `id` is what `match` reports for it. */
  add(pattern: string, id: number): void {
    if (this.compiledRoot) throw new Error('Phrases are added before the first match');
    const { anchored, items } = parse(pattern);
    const first = items[0];
    if (
      !first ||
      first.type === 'any' ||
      first.type === 'gap' ||
      first.type === 'clauseEnd' ||
      items.every((item) => item.optional)
    ) {
      throw new Error(
        `A phrase starts with a word, a class or a group, and needs one item that is not optional: "${pattern}"`,
      );
    }
    for (const node of this.insertSequence(anchored ? this.clauseStartRoot : this.root, items, pattern)) {
      const accepts = (node.accepts ??= []);
      if (!accepts.includes(id)) accepts.push(id);
    }
    this.phraseCount++;
  }

  get size(): number {
    return this.phraseCount;
  }

  /** Inserts a sequence from one node; returns the nodes where it ends. */
  private insertSequence(from: TrieNode, items: Item[], pattern: string): TrieNode[] {
    let frontier = [from];
    for (const item of items) {
      if (item.type === 'group' || item.optional) {
        // Every way through the item (and, if optional, the way around it) meets in one node.
        const meeting: TrieNode = { joined: true };
        const alternatives = item.type === 'group' ? item.alternatives : [[{ ...item, optional: false }]];
        for (const node of frontier) {
          for (const alternative of alternatives) {
            for (const end of this.insertSequence(node, alternative, pattern)) pushUnique((end.also ??= []), meeting);
          }
          if (item.optional) pushUnique((node.also ??= []), meeting);
        }
        frontier = [meeting];
      } else {
        frontier = frontier.map((node) => this.insertItem(node, item, pattern));
      }
    }
    return frontier;
  }

  /** The shared node reached from `node` by one plain item, created if needed. */
  private insertItem(node: TrieNode, item: Exclude<Item, { type: 'group' }>, pattern: string): TrieNode {
    switch (item.type) {
      case 'word': {
        const words = (node.words ??= new Map<string, TrieNode[]>());
        const targets: TrieNode[] = words.get(item.word) ?? [];
        if (targets.length === 0) words.set(item.word, targets);
        let child = targets.find((target) => !target.joined);
        if (!child) targets.push((child = {}));
        return child;
      }
      case 'any':
        return (node.any ??= {});
      case 'gap':
        return (node.gap ??= {});
      case 'clauseEnd':
        return (node.clauseEnd ??= {});
      case 'class': {
        const tokenClass = this.classes.get(item.name);
        if (!tokenClass) throw new Error(`Unknown class @${item.name} in phrase "${pattern}"`);
        const edges = (node.classes ??= []);
        let edge = edges.find((candidate) => candidate.name === item.name);
        if (!edge) edges.push((edge = { name: item.name, tokenClass, next: {} }));
        return edge.next;
      }
    }
  }

  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) this.vocabulary.set(word, (id = this.vocabulary.size));
    return id;
  }

  private compile(): CompiledNode {
    const compiled = new Map<TrieNode, CompiledNode>();
    const closureOf = (node: TrieNode): TrieNode[] => {
      const closure = [node];
      for (let index = 0; index < closure.length; index++) {
        for (const also of (closure[index] as TrieNode).also ?? []) pushUnique(closure, also);
      }
      return closure;
    };
    const compileNode = (node: TrieNode): CompiledNode => {
      const existing = compiled.get(node);
      if (existing) return existing;
      const out: CompiledNode = {};
      compiled.set(node, out);
      const next = new Map<number, CompiledNode[]>();
      const link = (word: string, target: TrieNode): void => {
        const id = this.wordId(word);
        const compiledTarget = compileNode(target);
        const targets = next.get(id);
        if (!targets) next.set(id, [compiledTarget]);
        else pushUnique(targets, compiledTarget);
      };
      const addTo = (list: CompiledNode[] | undefined, target: TrieNode): CompiledNode[] => {
        const targets = list ?? [];
        pushUnique(targets, compileNode(target));
        return targets;
      };
      for (const member of closureOf(node)) {
        for (const [word, children] of member.words ?? []) for (const child of children) link(word, child);
        for (const edge of member.classes ?? []) {
          if (typeof edge.tokenClass === 'function')
            (out.tests ??= []).push({ test: edge.tokenClass, next: compileNode(edge.next) });
          else for (const word of edge.tokenClass) link(word, edge.next);
        }
        if (member.any) out.any = addTo(out.any, member.any);
        if (member.gap) out.gap = addTo(out.gap, member.gap);
        if (member.clauseEnd) out.clauseEnd = addTo(out.clauseEnd, member.clauseEnd);
        for (const id of member.accepts ?? []) pushUnique((out.accepts ??= []), id);
      }
      if (next.size > 0) out.next = next;
      return out;
    };
    this.compiledClauseStartRoot = compileNode(this.clauseStartRoot);
    const root = compileNode(this.root);
    // The root is read at every token: an array indexed by word id beats a map there.
    const table = (node: CompiledNode): (CompiledNode[] | undefined)[] => {
      const byId = new Array<CompiledNode[] | undefined>(this.vocabulary.size).fill(undefined);
      for (const [id, targets] of node.next ?? []) byId[id] = targets;
      return byId;
    };
    this.rootTable = table(root);
    this.clauseStartTable = table(this.compiledClauseStartRoot);
    return root;
  }

  /** Every word a phrase can read, numbered: give it to `segment` so tokens carry the numbers. */
  get words(): ReadonlyMap<string, number> {
    this.compiledRoot ??= this.compile();
    return this.vocabulary;
  }

  /** `step` for the edges that are not words (any token, class tests). */
  private stepWithoutWords(node: CompiledNode, token: Token, position: number, top: number): number {
    const nodes = this.stackNodes;
    const positions = this.stackPositions;
    if (node.any) {
      for (const target of node.any) {
        nodes[top] = target;
        positions[top++] = position + 1;
      }
    }
    if (node.tests) {
      for (const edge of node.tests) {
        if (edge.test(token)) {
          nodes[top] = edge.next;
          positions[top++] = position + 1;
        }
      }
    }
    return top;
  }

  /** Pushes the nodes reached from `node` by reading one token; returns the new stack top. */
  private step(node: CompiledNode, token: Token, position: number, top: number): number {
    const nodes = this.stackNodes;
    const positions = this.stackPositions;
    if (token.id >= 0 && node.next) {
      const targets = node.next.get(token.id);
      if (targets) {
        for (const target of targets) {
          nodes[top] = target;
          positions[top++] = position + 1;
        }
      }
    }
    if (node.any) {
      for (const target of node.any) {
        nodes[top] = target;
        positions[top++] = position + 1;
      }
    }
    if (node.tests) {
      for (const edge of node.tests) {
        if (edge.test(token)) {
          nodes[top] = edge.next;
          positions[top++] = position + 1;
        }
      }
    }
    return top;
  }

  /**
   * Calls `onMatch(id, firstToken, lastToken)` for every phrase that matches inside the
   * sentence whose tokens are `tokens[from..to)`. Tokens come from `segment(text, words)`.
   * A phrase may be reported more than once.
   */
  match(
    tokens: readonly Token[],
    from: number,
    to: number,
    onMatch: (id: number, first: number, last: number) => void,
  ): void {
    const root = (this.compiledRoot ??= this.compile());
    const clauseStartRoot = this.compiledClauseStartRoot;
    const nodes = this.stackNodes;
    const positions = this.stackPositions;
    const rootTable = this.rootTable;
    const rootHasOtherEdges = root.any !== undefined || root.tests !== undefined;
    const clauseStartTable = this.clauseStartTable;
    const clauseStartHasOtherEdges = clauseStartRoot.any !== undefined || clauseStartRoot.tests !== undefined;
    for (let start = from; start < to; start++) {
      const startToken = tokens[start] as Token;
      // Most tokens start no phrase: one array read decides, before any walking.
      let top = 0;
      const rootTargets = startToken.id >= 0 ? rootTable[startToken.id] : undefined;
      if (rootTargets) {
        for (const target of rootTargets) {
          nodes[top] = target;
          positions[top++] = start + 1;
        }
      }
      if (rootHasOtherEdges) top = this.stepWithoutWords(root, startToken, start, top);
      if (start === from || (tokens[start - 1] as Token).clause !== startToken.clause) {
        const clauseTargets = startToken.id >= 0 ? clauseStartTable[startToken.id] : undefined;
        if (clauseTargets) {
          for (const target of clauseTargets) {
            nodes[top] = target;
            positions[top++] = start + 1;
          }
        }
        if (clauseStartHasOtherEdges) top = this.stepWithoutWords(clauseStartRoot, startToken, start, top);
      }
      while (top > 0) {
        const node = nodes[--top] as CompiledNode;
        const position = positions[top] as number;
        if (node.accepts) {
          for (const id of node.accepts) onMatch(id, start, position - 1);
        }
        if (
          node.clauseEnd &&
          (position >= to || (tokens[position] as Token).clause !== (tokens[position - 1] as Token).clause)
        ) {
          for (const target of node.clauseEnd) {
            nodes[top] = target;
            positions[top++] = position;
          }
        }
        if (node.gap) {
          for (const target of node.gap) {
            for (let skip = 0; skip <= MAX_GAP && position + skip <= to; skip++) {
              nodes[top] = target;
              positions[top++] = position + skip;
            }
          }
        }
        if (position < to) top = this.step(node, tokens[position] as Token, position, top);
      }
    }
  }
}
