import { parseAllDocuments, isAlias, isMap, isPair, isSeq, isCollection, type Document, type Node } from 'yaml';
import type { Diagnostic, Span } from '../diagnostic.js';
import { firstInvalidUtf8 } from './decode.js';
import { keyName } from './routes.js';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './limits.js';
import { SourceFile } from './source-file.js';

/** The rule id of every diagnostic this module reports. */
export const YAML_SYNTAX = 'yaml-syntax';

/** A parsed YAML file: the first document (when it is safe to use) and what was wrong with it. */
export interface ParsedYaml {
  readonly source: SourceFile;
  /** `undefined` when the file could not be parsed safely; the diagnostics then say why. */
  readonly document: Document.Parsed | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

// YAML allows only printable characters; these are the C0 controls other than tab, LF and CR.
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function syntax(message: string, span: Span, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { ruleId: YAML_SYNTAX, severity, message, span };
}

function stopped(source: SourceFile, diagnostic: Diagnostic): ParsedYaml {
  return { source, document: undefined, diagnostics: [diagnostic] };
}

/**
 * Parses a YAML file with positions. Never throws on any input: bad bytes, syntax errors, duplicate
 * keys, excessive size, nesting or alias expansion all become `yaml-syntax` diagnostics.
 */
export function parseYaml(input: string | Uint8Array, path: string, limits: Partial<YamlLimits> = {}): ParsedYaml {
  const lim = { ...DEFAULT_YAML_LIMITS, ...limits };
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length > lim.maxBytes) return tooLarge(path, input.length, lim);
    const bad = firstInvalidUtf8(input);
    if (bad !== -1) {
      const prefix = Buffer.from(input.buffer, input.byteOffset, bad).toString('utf8');
      const source = new SourceFile(path, prefix);
      return stopped(
        source,
        syntax(
          `the file is not valid UTF-8 (byte 0x${input[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`,
          { start: prefix.length, end: prefix.length },
        ),
      );
    }
    text = Buffer.from(input.buffer, input.byteOffset, input.length).toString('utf8');
  }
  if (typeof input === 'string' && Buffer.byteLength(text) > lim.maxBytes) return tooLarge(path, Buffer.byteLength(text), lim);

  const source = new SourceFile(path, text);
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0);
    const what = code === 0 ? 'a NUL byte' : `the control character U+${code.toString(16).padStart(4, '0')}`;
    return stopped(source, syntax(`the file contains ${what}; YAML allows only printable characters (is it a binary file?)`, { start: control.index, end: control.index + 1 }));
  }

  const docs = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: false, // checked below in linear time; the library's check is quadratic
    merge: true,
    keepSourceTokens: false,
    // Library warnings (e.g. complex keys stringified by toJS) must not reach stderr; problems
    // are reported as diagnostics instead.
    logLevel: 'error',
  });
  const list = Array.isArray(docs) ? docs : [];
  const diagnostics: Diagnostic[] = [];
  const first = list[0];
  if (!first) {
    return { source, document: undefined, diagnostics: [syntax('the file holds no YAML document', { start: 0, end: 0 })] };
  }
  for (const doc of list) {
    for (const e of doc.errors) {
      const exhausted = e.code === 'RESOURCE_EXHAUSTION';
      const message = exhausted ? `nesting is too deep to parse (more than ${lim.maxDepth} levels)` : e.message;
      diagnostics.push(syntax(message, { start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) }));
      if (exhausted) return { source, document: undefined, diagnostics };
    }
    for (const w of doc.warnings) diagnostics.push(syntax(w.message, { start: w.pos[0], end: Math.max(w.pos[0], w.pos[1]) }, 'warning'));
  }
  for (const extra of list.slice(1)) {
    const start = extra.range[0];
    diagnostics.push(syntax('a workflow file holds one YAML document; this second document is ignored', { start, end: start + 3 }));
  }
  const structural = checkStructure(first, lim, source);
  diagnostics.push(...structural.diagnostics);
  return { source, document: structural.safe ? first : undefined, diagnostics };
}

function tooLarge(path: string, bytes: number, lim: YamlLimits): ParsedYaml {
  return stopped(
    new SourceFile(path, ''),
    syntax(`the file is ${bytes} bytes, more than the ${lim.maxBytes}-byte limit for a workflow; is it the right file?`, { start: 0, end: 0 }),
  );
}

/**
 * One linear, iterative pass: duplicate keys, nesting depth, and the size the document would have
 * if every alias were expanded (memoized per anchored node, so a "billion laughs" file is measured
 * without being expanded).
 */
function checkStructure(doc: Document.Parsed, lim: YamlLimits, source: SourceFile): { safe: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const expanded = new Map<Node, number>();
  const anchors = new Map<string, Node>();
  const root = doc.contents;
  if (!root) return { safe: true, diagnostics };

  // Post-order traversal with an explicit stack; anchors are visited before their aliases because
  // YAML requires an anchor to precede its aliases in document order.
  type Frame = { node: Node; depth: number; childIndex: number; children: Node[] };
  const childrenOf = (n: Node): Node[] => {
    if (isMap(n)) {
      const out: Node[] = [];
      const seen = new Map<string, Span>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key) out.push(key);
        const name = keyName(pair);
        if (key && name !== undefined && key.range) {
          const span = { start: key.range[0], end: key.range[1] };
          const prior = seen.get(name);
          if (prior && name !== '<<') {
            const line = source.position(prior.start).line;
            diagnostics.push(syntax(`the key \`${name}\` is defined twice in the same mapping (first at line ${line}); remove one`, span));
          } else seen.set(name, span);
        }
        if (pair.value) out.push(pair.value as Node);
      }
      return out;
    }
    if (isSeq(n)) return n.items.filter((x): x is Node => x !== null && typeof x === 'object');
    return [];
  };
  const stack: Frame[] = [{ node: root, depth: 1, childIndex: 0, children: childrenOf(root) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.depth > lim.maxDepth) {
      const r = top.node.range;
      diagnostics.push(syntax(`nesting is deeper than ${lim.maxDepth} levels; a workflow never needs this`, { start: r?.[0] ?? 0, end: r?.[1] ?? 0 }));
      return { safe: false, diagnostics };
    }
    if (top.childIndex < top.children.length) {
      const child = top.children[top.childIndex++]!;
      if (isCollection(child)) stack.push({ node: child, depth: top.depth + 1, childIndex: 0, children: childrenOf(child) });
      else {
        expanded.set(child, sizeOfLeaf(child, anchors, expanded));
        if (child.anchor) anchors.set(child.anchor, child);
      }
      continue;
    }
    stack.pop();
    let size = 1;
    for (const c of top.children) size += expanded.get(c) ?? 1;
    expanded.set(top.node, size);
    if (top.node.anchor) anchors.set(top.node.anchor, top.node);
    if (size > lim.maxExpandedNodes) {
      const r = top.node.range;
      diagnostics.push(
        syntax(
          `aliases expand this document to more than ${lim.maxExpandedNodes} nodes (an "alias bomb"); refusing to process it`,
          { start: r?.[0] ?? 0, end: r?.[1] ?? 0 },
        ),
      );
      return { safe: false, diagnostics };
    }
  }
  return { safe: true, diagnostics };
}

function sizeOfLeaf(n: Node, anchors: Map<string, Node>, expanded: Map<Node, number>): number {
  if (isAlias(n)) {
    const target = anchors.get(n.source);
    return target ? (expanded.get(target) ?? 1) : 1;
  }
  return 1;
}
