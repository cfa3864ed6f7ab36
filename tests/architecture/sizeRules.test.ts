/**
 * The size rules of eslint.config.size.js are enforced by the project's own ESLint config: new files over 300 lines
 * and functions over 60 fail, an allow-listed offender fails as soon as it grows past its cap, and every cap is
 * exactly today's size (so the allow-list can only shrink).
 */
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, SIZE_ALLOW_LIST } from '../../eslint.config.size.js'

const ROOT = join(import.meta.dirname, '../..')
const SIZE_RULES = ['max-lines', 'max-lines-per-function']
type Cap = { fileLines?: number; functionLines?: number }
const allowList: Record<string, Cap> = SIZE_ALLOW_LIST

/** A function with `lines` lines from its header to its closing brace, with blank and comment lines in between. */
function functionOf(name: string, lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  total += ${i}`)
  return [
    `export function ${name}(): number {`,
    '  // comments and blank lines do not count',
    '',
    ...body.slice(0, -1),
    '  return total',
    '}',
  ].join('\n')
}

async function sizeMessages(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(`let total = 0\n${code}\n`, {
    filePath: join(ROOT, filePath),
  })
  return result.messages
    .filter((m) => SIZE_RULES.includes(m.ruleId ?? ''))
    .map((m) => `${m.ruleId}: ${m.message}`)
}

describe('size rules (eslint.config.size.js)', () => {
  it('refuses a new function over 60 lines in main/ and renderer/, and accepts 60', async () => {
    expect(MAX_FUNCTION_LINES).toBe(60)
    expect(await sizeMessages(functionOf('fits', 60), 'main/engine/scene/newBlock.ts')).toEqual([])
    expect(await sizeMessages(functionOf('tooLong', 61), 'main/engine/scene/newBlock.ts')).toEqual([
      "max-lines-per-function: Function 'tooLong' has too many lines (61). Maximum allowed is 60.",
    ])
    expect(
      await sizeMessages(functionOf('Panel', 61), 'renderer/src/components/NewPanel.tsx'),
    ).toHaveLength(1)
  })

  it('refuses a new file over 300 code lines', async () => {
    expect(MAX_FILE_LINES).toBe(300)
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => `export const value${i} = ${i}\n// note\n`).join('')
    expect(await sizeMessages(many(299), 'main/services/newService.ts')).toEqual([]) // + the `let total` line = 300
    expect(await sizeMessages(many(300), 'main/services/newService.ts')).toEqual([
      'max-lines: File has too many lines (301). Maximum allowed is 300.',
    ])
  })

  it('lets an allow-listed offender shrink but not grow', async () => {
    const [file, cap] = Object.entries(allowList).find(([, c]) => c.functionLines)!
    expect(await sizeMessages(functionOf('same', cap.functionLines!), file)).toEqual([])
    expect(await sizeMessages(functionOf('grown', cap.functionLines! + 1), file)).toHaveLength(1)
  })

  it('caps every allow-listed file at exactly its size today', { timeout: 180_000 }, async () => {
    // Lint the offenders with the plain 300/60 rules: each must still offend, by exactly its cap.
    const files = Object.keys(allowList)
    const missing = files.filter((file) => !existsSync(join(ROOT, file)))
    expect(missing, 'allow-listed files that no longer exist: delete their entries').toEqual([])
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.{ts,tsx}'],
          languageOptions: { parser: (await import('typescript-eslint')).parser },
        },
        {
          files: ['**/*.{ts,tsx}'],
          rules: {
            'max-lines': [
              'error',
              { max: MAX_FILE_LINES, skipBlankLines: true, skipComments: true },
            ],
            'max-lines-per-function': [
              'error',
              { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true },
            ],
          },
        },
      ],
    })
    const measured: Record<string, Cap> = {}
    for (const result of await eslint.lintFiles(files.map((file) => join(ROOT, file)))) {
      const cap: Cap = {}
      for (const m of result.messages) {
        const lines = Number(/\((\d+)\)/.exec(m.message)?.[1])
        if (m.ruleId === 'max-lines') cap.fileLines = lines
        if (m.ruleId === 'max-lines-per-function')
          cap.functionLines = Math.max(cap.functionLines ?? 0, lines)
      }
      measured[result.filePath.slice(ROOT.length + 1).replaceAll('\\', '/')] = cap
    }
    // On failure the diff shows the entries to write in SIZE_ALLOW_LIST.
    expect(measured).toEqual(allowList)
  })
})
