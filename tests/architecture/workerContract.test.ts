/**
 * The worker contract (main/workers/contract) is a leaf like main/contract: zod schemas over the app's
 * contract, the engine's types and the image schemas of the frame path, never the code that runs a
 * task (perception, onnxruntime, node:*), so both sides of the boundary can import it cheaply.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')
const CONTRACT = 'main/workers/contract'

/** Where the contract's files may import from (the image schemas move with the frame path). */
const ALLOWED = [
  'main/workers/contract',
  'main/contract',
  'main/engine',
  'main/services/imageDataSchemas',
  'main/frames/imageDataSchemas',
]

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1])
}

function violations(): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, CONTRACT)).filter((n) => n.endsWith('.ts'))) {
    const file = join(CONTRACT, name)
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        if (spec !== 'zod') out.push(`${file} imports package ${spec}`)
        continue
      }
      const target = relative(ROOT, normalize(join(ROOT, dirname(file), spec)))
      if (!ALLOWED.some((allowed) => target === allowed || target.startsWith(`${allowed}/`)))
        out.push(`${file} imports ${spec}`)
    }
  }
  return out
}

describe('the worker contract', () => {
  it('imports only zod, the contract, the engine and the image schemas', () => {
    expect(importsOf(`${CONTRACT}/workerTasks.ts`).length).toBeGreaterThan(0)
    expect(violations()).toEqual([])
  })
})
