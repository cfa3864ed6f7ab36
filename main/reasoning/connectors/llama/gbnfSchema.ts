/**
 * Converts the JSON Schema of a tool's arguments (what LangChain derives from its zod schema) into the
 * subset node-llama-cpp compiles into a GBNF grammar: objects, arrays, strings, numbers, booleans,
 * null, enum, const and oneOf. Keywords the grammar cannot enforce (minimum, pattern, …) are dropped:
 * the tool's own zod schema still validates the arguments when the tool runs, and its error goes back
 * to the model. A construct the grammar cannot express at all is an error naming the tool and path.
 */

/** node-llama-cpp's GbnfJsonSchema, written structurally so the runtime stays an optional install. */
export type GbnfSchema =
  | { type: 'string'; maxLength?: number; description?: string }
  | { type: 'number' | 'integer' | 'boolean' | 'null'; description?: string }
  | { enum: readonly (string | number | boolean | null)[]; description?: string }
  | { const: string | number | boolean | null; description?: string }
  | { oneOf: readonly GbnfSchema[]; description?: string }
  | {
      type: 'array'
      items?: GbnfSchema
      minItems?: number
      maxItems?: number
      description?: string
    }
  | {
      type: 'object'
      properties: Readonly<Record<string, GbnfSchema>>
      required: readonly string[]
      additionalProperties: false
      description?: string
    }

/** A tool argument schema the grammar cannot express. */
export class GrammarSchemaError extends Error {
  constructor(where: string, reason: string) {
    super(`cannot build a tool-call grammar for ${where}: ${reason}`)
    this.name = 'GrammarSchemaError'
  }
}

/** Longest free string the grammar allows, so a small model cannot ramble until the token limit. */
export const MAX_STRING_CHARS = 200

type JsonSchema = Record<string, unknown>

const SCALARS = new Set(['number', 'integer', 'boolean', 'null'])

function described<T extends GbnfSchema>(schema: T, source: JsonSchema): T {
  return typeof source.description === 'string'
    ? { ...schema, description: source.description }
    : schema
}

/** Converts one JSON Schema node (see file comment). `where` names it in errors, e.g. `measure.a`. */
export function toGbnfSchema(source: unknown, where: string): GbnfSchema {
  if (!source || typeof source !== 'object' || Array.isArray(source))
    throw new GrammarSchemaError(where, 'the schema is not an object')
  const node = source as JsonSchema
  if (Array.isArray(node.enum))
    return described({ enum: node.enum as (string | number | boolean | null)[] }, node)
  if ('const' in node)
    return described({ const: node.const as string | number | boolean | null }, node)
  const union = (node.anyOf ?? node.oneOf) as unknown[] | undefined
  if (Array.isArray(union)) {
    return described(
      { oneOf: union.map((option, i) => toGbnfSchema(option, `${where}[${i}]`)) },
      node,
    )
  }
  const type = node.type
  if (Array.isArray(type)) {
    return described(
      { oneOf: type.map((t, i) => toGbnfSchema({ ...node, type: t }, `${where}[${i}]`)) },
      node,
    )
  }
  if (type === 'string') {
    const limit =
      typeof node.maxLength === 'number'
        ? Math.min(node.maxLength, MAX_STRING_CHARS)
        : MAX_STRING_CHARS
    return described({ type: 'string', maxLength: limit }, node)
  }
  if (typeof type === 'string' && SCALARS.has(type))
    return described({ type: type as 'number' | 'integer' | 'boolean' | 'null' }, node)
  if (type === 'array') {
    const items = node.items === undefined ? undefined : toGbnfSchema(node.items, `${where}[]`)
    return described(
      {
        type: 'array',
        ...(items ? { items } : {}),
        ...(typeof node.minItems === 'number' ? { minItems: node.minItems } : {}),
        ...(typeof node.maxItems === 'number' ? { maxItems: node.maxItems } : {}),
      },
      node,
    )
  }
  if (type === 'object' || (type === undefined && node.properties)) {
    const properties: Record<string, GbnfSchema> = {}
    for (const [key, value] of Object.entries((node.properties ?? {}) as JsonSchema))
      properties[key] = toGbnfSchema(value, `${where}.${key}`)
    const required = Array.isArray(node.required)
      ? (node.required as string[]).filter((k) => k in properties)
      : []
    return described({ type: 'object', properties, required, additionalProperties: false }, node)
  }
  throw new GrammarSchemaError(where, `unsupported schema type ${JSON.stringify(type)}`)
}
