import type { AnswerJson, AnswerProvenanceJson } from '../contract/answerSchema'
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
