/** The parsed form of the SOQL subset the sandbox server answers. */

export interface FieldPath {
  /** As written: `['Owner', 'Manager', 'Name']`. */
  parts: string[];
  pos: number;
}

export type Literal =
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  | { kind: 'null'; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'datetime'; value: number; pos: number }
  /** A relative range such as TODAY or LAST_N_YEARS:3. */
  | { kind: 'dateLiteral'; name: string; n: number | null; pos: number };

export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; terms: Condition[] }
  | { kind: 'not'; term: Condition }
  | { kind: 'compare'; field: FieldPath; op: ComparisonOperator; value: Literal; pos: number }
  | { kind: 'in'; field: FieldPath; negated: boolean; values: Literal[]; pos: number }
  | { kind: 'like'; field: FieldPath; pattern: Literal; pos: number };

export interface OrderItem {
  field: FieldPath;
  descending: boolean;
  /** Salesforce's default: nulls first ascending, last descending. */
  nullsFirst: boolean;
}

export interface SoqlQuery {
  select: { kind: 'count'; pos: number } | { kind: 'fields'; fields: FieldPath[] };
  from: { name: string; pos: number };
  where: Condition | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
}
