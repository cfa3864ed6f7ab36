/**
 * The layer rules are also lint rules (eslint.config.js), so an editor shows a wrong import where it is typed:
 * the renderer imports main/ only from main/contract and main/engine, and main/contract imports nothing of ours
 * but engine types. (tests/architecture/layers.test.ts checks the same over the whole import graph.)
 */
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ESLint } from 'eslint'

const ROOT = join(import.meta.dirname, '../..')
const LAYER_RULES = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports']

async function layerMessages(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) })
  return result.messages.filter((m) => LAYER_RULES.includes(m.ruleId ?? '')).map((m) => m.message)
}

describe('layer rules in lint', () => {
  it('the renderer may import the contract and the engine, nothing else of main/', async () => {
    const file = 'renderer/src/components/Probe.tsx'
    expect(
      await layerMessages(
        "import { contract } from '../../../main/contract/channels'\nimport type { Scene } from '../../../main/engine/types'\nexport const x: [unknown, Scene | null] = [contract, null]\n",
        file,
      ),
    ).toEqual([])
    expect(
      await layerMessages(
        "import { SpatialService } from '../../../main/services/SpatialService'\nexport const x = SpatialService\n",
        file,
      ),
    ).toEqual([expect.stringMatching(/only from main\/contract and main\/engine/)])
    expect(
      await layerMessages(
        "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
        file,
      ),
    ).toEqual([expect.stringMatching(/runs in a browser/)])
  })

  it('the contract imports engine types only as types', async () => {
    const file = 'main/contract/probe.ts'
    expect(
      await layerMessages(
        "import type { Scene } from '../engine/types'\nexport type X = Scene\n",
        file,
      ),
    ).toEqual([])
    expect(
      await layerMessages(
        "import { buildScene } from '../engine/scene/buildScene'\nexport const x = buildScene\n",
        file,
      ),
    ).toEqual([expect.stringMatching(/imports only zod and itself/)])
  })
})
