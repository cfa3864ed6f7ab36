import type { Frame, RegionPrompt } from '../engine/types'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { loadPcdFrame } from '../sources/pcd'
import { toRegionPrompts } from '../frames/frameLoader'
import { readRegionsFile } from './regionsFile'
import type { CliArgs } from './args'
import type { RobotContext } from '../engine/tf/robotFrames'
import { loadMcapRobotFrame } from './mcapFrame'

/**
 * The frame and regions named on the command line (decoding happens here, outside the timings), and the robot
 * context (TF) when the frame comes from a recording with TF.
 */
export async function loadFrameFromArgs(
  args: CliArgs,
): Promise<{ frame: Frame; regions: RegionPrompt[]; robot?: RobotContext }> {
  const regions = args.regions ? toRegionPrompts(await readRegionsFile(args.regions)) : []
  if (args.mcap) {
    const warn = (text: string) => process.stderr.write(`warning: ${text}\n`)
    return { ...(await loadMcapRobotFrame(args.mcap, warn)), regions }
  }
  const frame = args.pcd
    ? await loadPcdFrame(args.pcd, args.camera)
    : await loadRgbdFrame({
        rgbPath: args.rgb!,
        depthPath: args.depth,
        intrinsicsPath: args.intrinsics!,
        depthScale: args.depthScale,
        cameraId: args.camera,
      })
  return { frame, regions }
}
