// @ts-check
/**
 * `dealsight/layers`: what each layer may import, as one table (eslint.config.js, LAYERS).
 *
 * Unlike `no-restricted-imports`, which matches the specifier's text (so `'**\/store/**'`
 * misses the barrel `'../store'`), this rule resolves each specifier against the importing
 * file, the way TypeScript and Vite do (relative paths, the `@/` and `~/` aliases), and
 * checks the file it names: `'../store'`, `'../../lib/store'` and `'@/lib/store/repo'` are
 * all `lib/store`. Node built-ins are `node:<name>` with or without the prefix; any other
 * bare specifier is its package (`@scope/name` or `name`).
 *
 * Each zone names the files it governs (`files`, minus `ignores`) and either a deny list
 * (`deny`: areas they may not import) or an allow list (`allow`: the only project areas
 * and packages they may import). An area is a path glob, matching the path itself, its
 * extension-less form and everything below it (`lib/store` matches `lib/store.ts`,
 * `lib/store/index.ts` and the barrel `lib/store`), or `package:<glob>`.
 * `types: true` on a deny entry allows `import type` from it (types vanish in the build);
 * `except` lists the files (globs) a deny entry does not bind, each a known exception.
 * A file in several zones obeys them all.
 *
 * Runtime vs type: an `import type`, an `export type … from`, `typeof import('…')`, or an
 * import whose every specifier is `type` is a type import; anything else, dynamic
 * `import()` included, is a runtime import. (`no-import-type-side-effects` makes the
 * all-`type` form be written `import type`, since it would otherwise keep a bare import.)
 */
import { builtinModules } from 'node:module';
import { posix, relative, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** @param {string} glob */
function globSource(glob) {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = /** @type {string} */ (glob[i]);
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') {
      out += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      out += ')';
      braces--;
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** A file glob (`components/**`, `entrypoints/*.content/**`): matches the path exactly. @param {string} glob */
function fileMatcher(glob) {
  const re = new RegExp(`^${globSource(glob)}$`);
  return (/** @type {string} */ path) => re.test(path);
}

/** An area (`lib/store`, `entrypoints/*.content`, `package:ml-*`): the path, its extension-less form, or below it. @param {string} area */
function areaMatcher(area) {
  if (area.startsWith('package:')) {
    const re = new RegExp(`^${globSource(area)}$`);
    return (/** @type {string} */ target) => re.test(target);
  }
  const re = new RegExp(`^${globSource(area)}(?:/.*)?$`);
  return (/** @type {string} */ target) => !target.startsWith('package:') && (re.test(target) || re.test(target.replace(/\.[cm]?[jt]sx?$/, '')));
}

/**
 * What a specifier in `file` names: a project path (relative to the root, `/`-separated),
 * `package:<name>`, or null (outside the project).
 * @param {string} specifier
 * @param {string} file
 */
export function resolveTarget(specifier, file) {
  const bare = specifier.split('?')[0] ?? specifier;
  let path;
  if (bare.startsWith('.')) path = posix.join(posix.dirname(file), bare);
  else if (/^(?:@@|~~|@|~)(?:\/|$)/.test(bare)) path = posix.normalize(bare.replace(/^(?:@@|~~|@|~)\/?/, '') || '.');
  else if (bare.startsWith('node:')) return `package:${bare}`;
  else {
    const parts = bare.split('/');
    const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : /** @type {string} */ (parts[0]);
    return BUILTINS.has(name) ? `package:node:${name}` : `package:${name}`;
  }
  return path === '..' || path.startsWith('../') ? null : path;
}

/**
 * @typedef {{ area: string | string[], types?: boolean, except?: string[], why: string }} Deny
 * @typedef {{ areas: string[], packages?: string[], types?: string[], why: string }} Allow
 * @typedef {{ zone: string, files: string[], ignores?: string[], deny?: Deny[], allow?: Allow }} Zone
 */

/** @param {Zone} zone */
function compile(zone) {
  const files = zone.files.map(fileMatcher);
  const ignores = (zone.ignores ?? []).map(fileMatcher);
  const deny = (zone.deny ?? []).map((d) => ({
    ...d,
    areas: [d.area].flat(),
    matchers: [d.area].flat().map(areaMatcher),
    excepted: (d.except ?? []).map(fileMatcher),
  }));
  const allow = zone.allow
    ? {
        ...zone.allow,
        matchers: zone.allow.areas.map(areaMatcher),
        packageMatchers: (zone.allow.packages ?? []).map((p) => areaMatcher(`package:${p}`)),
        typeMatchers: (zone.allow.types ?? []).map(areaMatcher),
      }
    : null;
  return {
    zone: zone.zone,
    applies: (/** @type {string} */ file) => files.some((m) => m(file)) && !ignores.some((m) => m(file)),
    /**
     * Why `file` may not import `target` in this zone, or null when it may.
     * @param {string} file
     * @param {string} target
     * @param {boolean} typeOnly
     */
    check(file, target, typeOnly) {
      for (const d of deny) {
        if (d.excepted.some((m) => m(file))) continue;
        const i = d.matchers.findIndex((m) => m(target));
        if (i >= 0 && !(typeOnly && d.types)) return { area: /** @type {string} */ (d.areas[i]) + (d.types ? ' (types only)' : ''), why: d.why };
      }
      if (allow) {
        const isPackage = target.startsWith('package:');
        const allowed = isPackage
          ? allow.packageMatchers.some((m) => m(target))
          : allow.matchers.some((m) => m(target)) || (typeOnly && allow.typeMatchers.some((m) => m(target)));
        if (!allowed)
          return {
            area: isPackage ? target : `anything but ${[...allow.areas, ...(allow.types ?? []).map((t) => `${t} (types)`)].join(', ')}`,
            why: allow.why,
          };
      }
      return null;
    },
  };
}

/** The compiled zones of each configured table (the rule runs once per file). @type {WeakMap<Zone[], ReturnType<typeof compile>[]>} */
const compiled = new WeakMap();

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what it may (the table in eslint.config.js).' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, zones: { type: 'array' } },
        required: ['root', 'zones'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '[{{zone}}] {{file}} may not import {{area}}: "{{specifier}}". {{why}}',
    },
  },
  create(context) {
    const { root, zones } = /** @type {{ root: string, zones: Zone[] }} */ (context.options[0]);
    const file = relative(root, context.filename).split(sep).join('/');
    if (file.startsWith('..')) return {};
    if (!compiled.has(zones)) compiled.set(zones, zones.map(compile));
    const active = /** @type {ReturnType<typeof compile>[]} */ (compiled.get(zones)).filter((z) => z.applies(file));
    if (active.length === 0) return {};

    /**
     * @param {import('estree').Node} node
     * @param {unknown} source
     * @param {boolean} typeOnly
     */
    const check = (node, source, typeOnly) => {
      if (!source || typeof source !== 'object' || !('value' in source) || typeof source.value !== 'string') return;
      const specifier = source.value;
      const target = resolveTarget(specifier, file);
      if (target === null) return;
      for (const zone of active) {
        const problem = zone.check(file, target, typeOnly);
        if (problem) context.report({ node, messageId: 'forbidden', data: { zone: zone.zone, file, specifier, ...problem } });
      }
    };
    /** @param {any} node */
    const allTypeSpecifiers = (node) =>
      node.specifiers.length > 0 && node.specifiers.every((/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type');

    return {
      ImportDeclaration(node) {
        const n = /** @type {any} */ (node);
        check(node, node.source, n.importKind === 'type' || allTypeSpecifiers(n));
      },
      ExportNamedDeclaration(node) {
        const n = /** @type {any} */ (node);
        if (node.source) check(node, node.source, n.exportKind === 'type' || allTypeSpecifiers(n));
      },
      ExportAllDeclaration(node) {
        check(node, node.source, /** @type {any} */ (node).exportKind === 'type');
      },
      ImportExpression(node) {
        check(node, node.source, false);
      },
      /** @param {any} node */
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference?.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression, node.importKind === 'type');
      },
      /** @param {any} node */
      TSImportType(node) {
        const literal = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        check(node, literal, true);
      },
    };
  },
};
