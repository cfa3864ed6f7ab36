/**
 * Runs the tools the model asks for, one run's worth: each call and its result (or error) is recorded
 * as a step, and successful calls are kept for the consistency guard.
 */

import type { StructuredToolInterface } from '@langchain/core/tools'
import { runTool, type ToolRecord } from './guard'
import { TOOL_ERROR_PREFIX } from './toolSupport'
import { NO_VLM_MESSAGE, VISUAL_TOOL_NAMES } from './visualTools'
import { parseToolResult, type StepRecorder } from './trace'
import type { RunControl } from './runControl'

/** Whether the tools include the visual ones (a vision-language model is there to ask). */
export function hasVisionTools(tools: StructuredToolInterface[]): boolean {
  return tools.some((t) => isVisualTool(t.name))
}

function isVisualTool(name: string): boolean {
  return (VISUAL_TOOL_NAMES as readonly string[]).includes(name)
}

/** The tools of one run, called on the model's behalf. */
export class ToolCaller {
  /** Successful calls, in order (what the guard checks the answer against). */
  readonly calls: ToolRecord[] = []
  readonly hasVision: boolean

  constructor(
    readonly tools: StructuredToolInterface[],
    private readonly rec: StepRecorder,
    private readonly control: RunControl,
  ) {
    this.hasVision = hasVisionTools(tools)
  }

  /** Runs one tool; the result string is what the model reads ("Error: …" for failures). */
  async call(name: string, args: Record<string, unknown>): Promise<string> {
    this.rec.add({ kind: 'tool_call', text: `${name} ${JSON.stringify(args)}`, tool: name, args })
    const t0 = performance.now()
    // A visual tool called without a vision model gets the clear reason, not "unknown tool".
    const result =
      !this.hasVision && isVisualTool(name)
        ? `${TOOL_ERROR_PREFIX} ${NO_VLM_MESSAGE}`
        : await this.control.guarded(() => runTool(this.tools, name, args))
    const ms = performance.now() - t0
    if (result.startsWith(TOOL_ERROR_PREFIX)) {
      this.rec.add({ kind: 'error', text: result, tool: name, result, ms })
      return result
    }
    this.rec.add({
      kind: 'tool_result',
      text: result,
      tool: name,
      result: parseToolResult(result),
      ms,
    })
    this.calls.push({ tool: name, args, result })
    return result
  }
}
