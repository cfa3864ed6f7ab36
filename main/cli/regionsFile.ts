import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import type { RegionInput } from '../contract/channels'
import { readSourceFile } from '../sources/readSourceFile'
import { UserError } from '../app/userError'

const finite = z.number().finite()
const regionFileItem = z.union([
  z
    .object({ label: z.string().trim().min(1), box: z.tuple([finite, finite, finite, finite]) })
    .strict(),
  z.object({ label: z.string().trim().min(1), point: z.tuple([finite, finite]) }).strict(),
  z.object({ label: z.string().trim().min(1), mask: z.string().min(1) }).strict(),
])
const regionFile = z.array(regionFileItem)

/**
 * Reads a regions file: `[{"label", "box": [x0,y0,x1,y1]} | {"label", "point": [u,v]} | {"label", "mask": "m.png"}]`,
 * pixels 0-based; mask paths are relative to the regions file.
 */
export async function readRegionsFile(path: string): Promise<RegionInput[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UserError(`regions file not found: ${path}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UserError(`regions ${path} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = regionFile.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue.path.length > 0 ? `item ${Number(issue.path[0]) + 1}` : 'the file'
    throw new UserError(
      `regions ${path}: ${where} is not a region: expected {"label", "box": [x0, y0, x1, y1]}, {"label", "point": [u, v]} or {"label", "mask": "file.png"}`,
    )
  }
  return Promise.all(
    parsed.data.map(async (item): Promise<RegionInput> => {
      if ('mask' in item) {
        const maskPng = await readSourceFile(resolve(dirname(path), item.mask))
        return { label: item.label, maskPng }
      }
      return item
    }),
  )
}
