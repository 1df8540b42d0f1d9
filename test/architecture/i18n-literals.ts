/**
 * User-facing text that bypasses lib/i18n: words written straight into the UI's JSX in
 * components/ and entrypoints/. Read with TypeScript's parser (no type checking), so JSX
 * text, string props and template literals are told apart from class names and ids:
 * - JSX text with a letter in it (`<p>Loading…</p>`), and a string literal as a child (`{'Retry'}`);
 * - a string or template literal with a letter outside its `${…}` in a prop that people read
 *   (title, aria-label, placeholder, alt, label and the like);
 * - `document.title = '…'`.
 * Symbols (`·`, `–`, `%`, `×`), numbers and text made by `t()` pass.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Props whose value people read or hear: each must come from `t()`. */
export const TEXT_PROPS = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'placeholder',
  'alt',
  'label',
  'heading',
  'message',
  'body',
  'description',
  'caption',
  'summary',
]);

export interface Literal {
  file: string;
  line: number;
  /** 'text', 'child', 'document.title' or the prop's name. */
  where: string;
  text: string;
}

const LETTER = /\p{L}/u;

/** The parts of a literal people would read: a template's text outside `${…}`. */
function readable(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node)) return readable(node.expression);
  if (ts.isConditionalExpression(node)) return [readable(node.whenTrue), readable(node.whenFalse)].filter((t) => t !== null).join(' ') || null;
  return null;
}

/** The literals in one source text that bypass lib/i18n. */
export function literalsIn(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Literal[] = [];
  const add = (node: ts.Node, where: string, text: string): void => {
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, where, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) add(node, 'text', node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = readable(node.expression);
      if (text !== null && LETTER.test(text)) add(node, 'child', text);
    } else if (ts.isJsxAttribute(node) && node.initializer && TEXT_PROPS.has(node.name.getText(sf))) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = value ? readable(value) : null;
      if (text !== null && LETTER.test(text)) add(node, node.name.getText(sf), text);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      node.left.getText(sf).replace(/\s/g, '') === 'document.title'
    ) {
      const text = readable(node.right);
      if (text !== null && LETTER.test(text)) add(node, 'document.title', text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The literals of files on disk (paths relative to `root`). */
export function literalsInFiles(root: string, files: readonly string[]): Literal[] {
  return files.flatMap((file) => literalsIn(file, readFileSync(`${root}/${file}`, 'utf8')));
}
