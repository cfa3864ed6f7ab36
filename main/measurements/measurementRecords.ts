import type { AnswerJson, AnswerProvenanceJson } from '../contract/answerSchema'
import type { ReasoningResultJson } from '../contract/reasoningSchema'
import type { Measurement } from '../contract/measureSchema'
import type { VerificationJson } from '../contract/verifySchema'
import {
  measurementRecordSchema,
  type MeasurementInput,
  type MeasurementRecord,
} from '../contract/measurementSchema'
import { formatLength } from '../engine/answers/format'

/** Where and when a record was made (the caller owns ids and clocks, so these stay pure). */
export interface RecordStamp {
  id: string
  timeIso: string
  frame: { sceneId: string; name: string }
}

/**
 * The log record of an answer, or null when the answer has no value (unknown object, unsupported
 * question): those say what went wrong, they measure nothing. Distance answers keep their ends.
 */
export function recordFromAnswer(answer: AnswerJson, stamp: RecordStamp): MeasurementRecord | null {
  if (answer.value === null) return null
  const isNumber = typeof answer.value === 'number' && answer.unit !== null
  const segment = answer.geometry?.kind === 'segment' ? answer.geometry : null
  return measurementRecordSchema.parse({
    ...stamp,
    kind: 'answer',
    text: answer.question,
    objects: answer.objects.map((object) => object.name),
    value: isNumber ? { number: answer.value, unit: answer.unit } : null,
    answer: answer.text,
    provenance: answer.provenance,
    ...(segment ? { fromInWorldM: segment.fromInWorld, toInWorldM: segment.toInWorld } : {}),
  })
}

/** The log record of a verified statement: no number, the verdict with its confidence and votes. */
export function recordFromVerification(
  verification: VerificationJson,
  stamp: RecordStamp,
): MeasurementRecord {
  return measurementRecordSchema.parse({
    ...stamp,
    kind: 'verdict',
    text: verification.statement,
    objects: verification.objects.map((object) => object.name),
    value: null,
    answer: verification.text,
    provenance: verification.provenance,
    verdict: {
      value: verification.verdict,
      confidence: verification.confidence,
      votes: verification.votes.map(({ voterId, verdict, weight, reason }) => ({
        voterId,
        verdict,
        weight,
        reason,
      })),
    },
  })
}

/** The log record of a length measured in the viewer (`log:add`, input already validated). */
export function recordFromMeasurement(
  input: MeasurementInput & { objects: string[] },
  stamp: RecordStamp,
  provenance: AnswerProvenanceJson | null,
): MeasurementRecord {
  return measurementRecordSchema.parse({
    ...stamp,
    kind: 'measurement',
    text: input.text,
    objects: input.objects,
    value: { number: input.valueM, unit: 'm' },
    answer: formatLength(input.valueM),
    provenance,
    ...(input.fromInWorldM && input.toInWorldM
      ? { fromInWorldM: input.fromInWorldM, toInWorldM: input.toInWorldM }
      : {}),
  })
}

/**
 * The log record of a `qa:reason` result. A template answer is logged as `qa:ask` logs it; an LLM's
 * final answer is logged with its whole chain of thought (the numbers it rests on are the tool
 * results in the steps). Runs that gave no answer (no LLM, cancelled, time or step limit, model
 * error) return null: they measured nothing.
 */
export function recordFromReasoning(
  result: ReasoningResultJson,
  stamp: RecordStamp,
): MeasurementRecord | null {
  if (result.templateAnswer) return recordFromAnswer(result.templateAnswer, stamp)
  if (result.stopReason !== 'final') return null
  const objects = new Set<string>()
  for (const step of result.steps) {
    if (step.kind !== 'tool_call' || !step.args) continue
    for (const key of ['a', 'b', 'object', 'from', 'to', 'toward', 'measure_to'])
      if (typeof step.args[key] === 'string') objects.add(step.args[key] as string)
  }
  return measurementRecordSchema.parse({
    ...stamp,
    kind: 'answer',
    text: result.question,
    objects: [...objects],
    value: null,
    answer: result.answer,
    provenance: null,
    reasoning: { llm: result.llm, stopReason: result.stopReason, steps: result.steps },
  })
}

/** What a click measurement joined, for the log's text: "laptop ↔ book", "point ↔ mug", "point ↔ point". */
export function describeMeasuredEnds(measurement: Measurement): string {
  const names = measurement.objects.map((object) => object.name)
  if (measurement.kind === 'points') return 'point ↔ point'
  if (measurement.kind === 'point-object') return `point ↔ ${names[0]}`
  return names.join(' ↔ ')
}
