/**
 * Reads VSR annotation splits (JSON Lines from cambridgeltl/visual-spatial-reasoning) into parsed statements.
 * A line whose caption cannot be parsed is an error naming the file and line: every VSR caption parses
 * (tests/engine/ensemble/parseStatement.test.ts checks all 16,023).
 */

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { parseStatement, type SpatialStatement } from '../engine/ensemble/parseStatement'
import { UserError } from '../app/userError'

export type VsrSplit = 'random' | 'zeroshot'
export type VsrPart = 'train' | 'dev' | 'test'

const vsrLineSchema = z.object({
  image: z.string().min(1),
  caption: z.string().min(1),
  label: z.union([z.literal(0), z.literal(1)]),
  relation: z.string(),
})

export interface VsrItem {
  image: string
  caption: string
  label: boolean
  statement: SpatialStatement
  /** "random/test:12" — file and 1-based line, for messages and reports. */
  where: string
}

export function readVsrPart(vsrDir: string, split: VsrSplit, part: VsrPart): VsrItem[] {
  const path = join(vsrDir, 'splits', split, `${part}.jsonl`)
  if (!existsSync(path)) {
    throw new UserError(
      `VSR annotations not found: ${path} (point --vsr at a copy of the VSR repository's data folder, which has splits/${split}/${part}.jsonl)`,
    )
  }
  const items: VsrItem[] = []
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (!text.trim()) return
      const where = `${split}/${part}:${index + 1}`
      let raw: unknown
      try {
        raw = JSON.parse(text)
      } catch {
        throw new UserError(`${path} line ${index + 1} is not JSON`)
      }
      const line = vsrLineSchema.safeParse(raw)
      if (!line.success)
        throw new UserError(
          `${path} line ${index + 1}: ${line.error.issues[0].path.join('.')} ${line.error.issues[0].message}`,
        )
      const statement = parseStatement(line.data.caption)
      if (!statement)
        throw new UserError(
          `${path} line ${index + 1}: cannot read the caption "${line.data.caption}"`,
        )
      items.push({
        image: line.data.image,
        caption: line.data.caption,
        label: line.data.label === 1,
        statement,
        where,
      })
    })
  return items
}
