import type { Cursor } from './cursor.js';
import type { Located, PermissionLevel, Permissions } from './types.js';

/**
 * Reads `permissions:` in its forms: `read-all`, `write-all`, `{}` (no permissions) and a map of
 * scopes. Anything else is `invalid` (the schema check says why).
 */
export function readPermissions(c: Cursor): Permissions {
  if (c.isMap) {
    const scopes = new Map<string, Located<PermissionLevel | string>>();
    for (const e of c.entries()) {
      const level = e.string();
      if (level !== undefined) scopes.set(e.key, e.located(level));
    }
    return { kind: 'scopes', scopes, route: c.route, span: c.span };
  }
  const value = c.string();
  if (value === 'read-all' || value === 'write-all') {
    return { kind: 'all', level: value === 'read-all' ? 'read' : 'write', route: c.route, span: c.span };
  }
  if (value === undefined && c.node === undefined) {
    // `permissions:` with nothing after it is null, which GitHub treats like `{}`.
    return { kind: 'scopes', scopes: new Map(), route: c.route, span: c.span };
  }
  return { kind: 'invalid', route: c.route, span: c.span };
}

/** The level a permissions block grants to one scope (`contents`, `id-token`, …). */
export function permissionLevel(p: Permissions | undefined, scope: string): PermissionLevel | 'default' | 'invalid' {
  if (!p) return 'default';
  if (p.kind === 'invalid') return 'invalid';
  if (p.kind === 'all') return p.level;
  const v = p.scopes.get(scope)?.value;
  if (v === undefined) return 'none';
  return v === 'read' || v === 'write' || v === 'none' ? v : 'invalid';
}
