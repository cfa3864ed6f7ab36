/**
 * The CLI commands the service serves go through SpatialService.handle (main/cli/cliService.ts), like the
 * desktop app's IPC and `serve`: they never reach for the stores and exporters the service's handlers own.
 * Read from the import lines of each command and of the main/cli helpers it imports.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, importSpecs, resolveRelative } from './importGraph'

/**
 * Commands that have channels, so must go through the service. The others (maps, watch, synth, eval, topics,
 * fleet) are tools with no channel and use the modules directly.
 */
const COMMANDS = [
  'main/cli/logCommand.ts',
  'main/cli/modelsCommand.ts',
  'main/cli/sceneCommand.ts',
  'main/cli/askCommand.ts',
  'main/cli/verifyCommand.ts',
  'main/cli/calibrateCommand.ts',
]

/** Modules only the service's handlers use (path from the repository root, no extension). */
const SERVICE_ONLY = [
  'main/measurements/MeasurementLog',
  'main/models/ModelStore',
  'main/export/exportMeasurements',
  // The frame path, the answers and the verdicts: scene:analyze, qa:ask, qa:reason and qa:verify.
  'main/frames/perceiveAndBuild',
  'main/frames/analyzeFrame',
  'main/engine/answers/answerQuestion',
  'main/ensemble/verifyInScene',
  'main/services/ReasoningService',
  'main/reasoning/connectors',
  // calibration:run.
  'main/calibration/calibrateDepthModel',
  'main/calibration/CalibrationStore',
  'main/inference/InlineModelRunner',
]
const SERVICE_ONLY_NAMES = SERVICE_ONLY.map((module) => module.split('/').at(-1)!)

/** The file and the main/cli files it imports, transitively (a helper's imports are the command's own). */
function withCliHelpers(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  for (const { spec } of importSpecs(file)) {
    if (!spec.startsWith('.')) continue
    const target = `${resolveRelative(file, spec).replace(/\.tsx?$/, '')}.ts`
    if (target.startsWith('main/cli/') && existsSync(join(ROOT, target)))
      withCliHelpers(target, seen)
  }
  return [...seen]
}

/** Each import of a service-only module, or of a service-only name from anywhere, in `file`. */
function bypasses(file: string): string[] {
  const found: string[] = []
  for (const { spec } of importSpecs(file)) {
    const target = spec.startsWith('.') ? resolveRelative(file, spec).replace(/\.tsx?$/, '') : spec
    if (SERVICE_ONLY.includes(target)) found.push(`${file} imports ${spec}`)
  }
  const text = readFileSync(join(ROOT, file), 'utf8')
  for (const [statement] of text.matchAll(/^(?:import|export)\s[^;]*?from\s+['"][^'"]+['"]/gm)) {
    for (const name of SERVICE_ONLY_NAMES)
      if (new RegExp(`\\b${name}\\b`).test(statement)) found.push(`${file} imports ${name}`)
  }
  return [...new Set(found)]
}

describe('CLI commands go through the service', () => {
  it('finds a direct use where there is one (the service itself owns the log and the model store)', () => {
    expect(bypasses('main/services/SpatialService.ts')).toContain(
      'main/services/SpatialService.ts imports ../measurements/MeasurementLog',
    )
    expect(bypasses('main/services/ModelsService.ts')).toContain(
      'main/services/ModelsService.ts imports ModelStore',
    )
    expect(bypasses('main/cli/mapsCommand.ts')).toContain(
      'main/cli/mapsCommand.ts imports ../frames/perceiveAndBuild',
    )
  })

  it.each(COMMANDS)(
    '%s calls channels with callService, never the log, model store or exporter',
    (file) => {
      expect(importSpecs(file).map((found) => found.spec)).toContain('./cliService')
      expect(withCliHelpers(file).flatMap(bypasses)).toEqual([])
    },
  )
})
