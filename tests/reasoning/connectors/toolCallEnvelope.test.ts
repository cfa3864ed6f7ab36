import { convertToOpenAITool } from '@langchain/core/utils/function_calling'
import { describe, expect, it } from 'vitest'
import {
  GrammarSchemaError,
  MAX_STRING_CHARS,
  toGbnfSchema,
} from '../../../main/reasoning/connectors/llama/gbnfSchema.js'
import {
  compactSignature,
  envelopeSchema,
  parseEnvelope,
  type ToolDefinition,
} from '../../../main/reasoning/connectors/llama/toolCallEnvelope.js'
import { createSpatialTools } from '../../../main/reasoning/spatialTools'
import { loadGroundTruth, sceneFromGroundTruth } from '../../engine/answers/sceneFromGroundTruth'

const definitions: ToolDefinition[] = createSpatialTools(
  sceneFromGroundTruth(loadGroundTruth()),
).map((tool) => {
  const fn = convertToOpenAITool(tool).function
  return { name: fn.name, description: fn.description ?? '', parameters: fn.parameters }
})
const names = new Set(definitions.map((d) => d.name))

describe('JSON Schema → grammar schema', () => {
  it('keeps types, enums, required keys and descriptions; bounds free strings', () => {
    const measure = definitions.find((d) => d.name === 'measure')!
    const converted = toGbnfSchema(measure.parameters, 'measure') as any
    expect(converted.type).toBe('object')
    expect(converted.additionalProperties).toBe(false)
    expect(converted.required).toEqual(['quantity', 'a', 'b'])
    expect(converted.properties.quantity.enum).toEqual([
      'distance',
      'gap',
      'horizontal_distance',
      'vertical_distance',
    ])
    expect(converted.properties.a).toMatchObject({ type: 'string', maxLength: MAX_STRING_CHARS })
    expect(converted.properties.a.description).toMatch(/object name/)
  })

  it('keeps optional arguments optional and numbers numeric', () => {
    const move = toGbnfSchema(
      definitions.find((d) => d.name === 'what_if_move')!.parameters,
      'what_if_move',
    ) as any
    expect(move.required).toEqual(['object'])
    expect(move.properties.dx_m.type).toBe('number')
  })

  it('turns anyOf and type lists into oneOf, and names what it cannot express', () => {
    expect(toGbnfSchema({ anyOf: [{ type: 'number' }, { type: 'null' }] }, 'x')).toEqual({
      oneOf: [{ type: 'number' }, { type: 'null' }],
    })
    expect(toGbnfSchema({ type: ['string', 'null'] }, 'x')).toEqual({
      oneOf: [{ type: 'string', maxLength: MAX_STRING_CHARS }, { type: 'null' }],
    })
    expect(() =>
      toGbnfSchema({ type: 'object', properties: { when: { type: 'date-ish' } } }, 'tool'),
    ).toThrow(new GrammarSchemaError('tool.when', 'unsupported schema type "date-ish"'))
  })

  it('builds one alternative per tool plus the final answer', () => {
    const schema = envelopeSchema(definitions) as any
    expect(schema.oneOf).toHaveLength(definitions.length + 1)
    expect(schema.oneOf.map((o: any) => o.properties.tool?.const ?? 'final')).toEqual([
      ...names,
      'final',
    ])
    expect(() => envelopeSchema([])).toThrow(/no tools are bound/)
  })

  it('describes a tool in one short line', () => {
    expect(compactSignature(definitions.find((d) => d.name === 'convert_units')!)).toBe(
      'convert_units(value: number, from: "m"|"cm"|"mm"|"in"|"ft", to: "m"|"cm"|"mm"|"in"|"ft") — Convert a length between m, cm, mm, in and ft.',
    )
  })
})

describe('parsing a generated turn', () => {
  it('reads a tool call and a final answer', () => {
    expect(
      parseEnvelope(
        '{ "thought": "need gap", "tool": "measure", "arguments": {"quantity":"gap","a":"mug","b":"laptop"} }',
        names,
      ),
    ).toEqual({
      type: 'tool',
      thought: 'need gap',
      name: 'measure',
      args: { quantity: 'gap', a: 'mug', b: 'laptop' },
    })
    expect(parseEnvelope('{"thought":"done","final_answer":" 0.31 m "}', names)).toEqual({
      type: 'final',
      thought: 'done',
      answer: '0.31 m',
    })
  })

  it('reports cut-off JSON, unknown tools and non-object arguments instead of throwing', () => {
    expect(parseEnvelope('{"thought": "x", "tool": "measure", "argu', names)).toMatchObject({
      type: 'invalid',
      error: expect.stringMatching(/not complete JSON.*token limit/),
    })
    expect(parseEnvelope('{"tool": "teleport", "arguments": {}}', names)).toMatchObject({
      type: 'invalid',
      error: 'unknown tool "teleport"',
    })
    expect(parseEnvelope('{"tool": "measure", "arguments": [1]}', names)).toMatchObject({
      type: 'invalid',
      error: 'the arguments of measure are not a JSON object',
    })
    expect(parseEnvelope('[1,2]', names)).toMatchObject({ type: 'invalid' })
  })
})
