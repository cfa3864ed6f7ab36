/**
 * Last touches on an answer: lengths written in the unit asked (the value stays metres) and the phrases the
 * grammar ignored named in the text. Pure TypeScript.
 */

import type { LengthUnit } from '../reasoning/units'
import type { Answer } from '../answers/types'
import { formatIn } from './units'

const LENGTH_IN_TEXT = /(-?\d+(?:\.\d+)?) (cm|m)(?![\w³])/g

/** Rewrite every "12.5 cm" / "1.2 m" of a text in `unit`; the first one that is `valueM` is written exactly. */
export function textInUnit(text: string, unit: LengthUnit, valueM: number | null): string {
  let exactDone = false
  return text.replace(LENGTH_IN_TEXT, (_, n: string, u: string) => {
    const m = Number(n) * (u === 'cm' ? 0.01 : 1)
    if (
      !exactDone &&
      valueM !== null &&
      Math.abs(m - valueM) <= (u === 'cm' ? 5e-5 : 5e-3) + 1e-12
    ) {
      exactDone = true
      return formatIn(valueM, unit)
    }
    return formatIn(m, unit)
  })
}

/** Apply the asked unit and the ignored phrases to an answer. */
export function finishAnswer(answer: Answer, unit: LengthUnit | null, ignored: string[]): Answer {
  let text = answer.text
  const detail = { ...answer.detail }
  const extraIgnored = [...ignored]
  if (
    unit &&
    answer.kind !== 'unsupported' &&
    answer.kind !== 'unknown_object' &&
    answer.kind !== 'ambiguous_object'
  ) {
    if (answer.unit === 'm3')
      extraIgnored.push(`in ${unit} (volumes are given in cm³, litres or m³)`)
    else {
      text = textInUnit(
        text,
        unit,
        answer.unit === 'm' && typeof answer.value === 'number' ? answer.value : null,
      )
      detail.askedUnit = unit
    }
  }
  if (extraIgnored.length > 0) {
    text += ` I ignored ${extraIgnored.map((s) => `"${s}"`).join(' and ')}: the question was answered without it.`
    detail.ignored = extraIgnored
  }
  return { ...answer, text, detail }
}
