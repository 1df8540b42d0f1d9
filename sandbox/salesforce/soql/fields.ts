import type { SandboxDatabase } from '../database';
import type { FieldValue, Row } from '../records';
import type { FieldDef, SObjectType } from '../schema';
import type { FieldPath } from './ast';
import { SoqlError } from './errors';

/**
 * Field paths resolved against the schema: `owner.manager.name` on Opportunity becomes
 * two reference hops (OwnerId → User, ManagerId → User) and the field User.Name, with the
 * canonical spelling Salesforce writes back (`Owner.Manager.Name`).
 */

export interface ResolvedField {
  /** Reference fields followed from the root object, in order. */
  hops: FieldDef[];
  field: FieldDef;
  /** The object that holds `field`. */
  owner: SObjectType;
  /** Canonical dotted path, e.g. `Owner.Manager.Name`. */
  path: string;
}

/** Relationship paths deeper than this are rejected, as Salesforce rejects them. */
const MAX_HOPS = 5;

export function resolveField(db: SandboxDatabase, root: SObjectType, path: FieldPath): ResolvedField {
  let parts = path.parts;
  // `Opportunity.Name` in a query on Opportunity: the object's own name may prefix a path.
  if (parts.length > 1 && (parts[0] as string).toLowerCase() === root.name.toLowerCase() && root.relationship(parts[0] as string) === undefined) {
    parts = parts.slice(1);
  }
  const hops: FieldDef[] = [];
  const names: string[] = [];
  let type = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const hop = type.relationship(part);
    const target = hop?.referenceTo === undefined ? undefined : db.schema.object(hop.referenceTo);
    if (hop === undefined || target === undefined) {
      throw new SoqlError(
        'INVALID_FIELD',
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        path.pos,
      );
    }
    hops.push(hop);
    names.push(hop.relationshipName as string);
    type = target;
  }
  if (hops.length > MAX_HOPS) {
    throw new SoqlError('MALFORMED_QUERY', `A relationship path can be at most ${MAX_HOPS} levels deep: ${parts.join('.')}`, path.pos);
  }
  const last = parts[parts.length - 1] as string;
  const field = type.field(last);
  if (field === undefined) {
    throw new SoqlError(
      'INVALID_FIELD',
      `No such column '${last}' on entity '${type.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      path.pos,
    );
  }
  return { hops, field, owner: type, path: [...names, field.name].join('.') };
}

/** The value at the end of the path, or null where a reference along it is empty. */
export function readField(db: SandboxDatabase, row: Row, resolved: ResolvedField): FieldValue {
  let current: Row | null = row;
  for (const hop of resolved.hops) {
    current = db.follow(current, hop);
    if (current === null) return null;
  }
  return current[resolved.field.name] ?? null;
}
