// Prints the plain closing line CI reads ("N passed, N failed") from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs'

const path = process.argv[2] ?? '.tmp/vitest.json'
if (!existsSync(path)) {
  console.log(
    'no test report was written (the build or the test runner failed before running tests)',
  )
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const report = JSON.parse(readFileSync(path, 'utf8'))
const passed = report.numPassedTests ?? 0
// Suites that fail to load count as failures too, or a broken import would go unnoticed.
const failedSuites = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
).length
const failed = (report.numFailedTests ?? 0) + failedSuites
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
