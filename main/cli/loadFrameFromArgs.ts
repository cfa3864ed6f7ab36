import type { Frame, RegionPrompt } from '../engine/types'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { loadPcdFrame } from '../sources/pcd'
import { toRegionPrompts } from '../frames/frameLoader'
import { readRegionsFile } from './regionsFile'
import type { CliArgs } from './args'
import { loadMcapFrame } from './mcapFrame'

/** The frame and regions named on the command line (decoding happens here, outside the timings). */
export async function loadFrameFromArgs(
  args: CliArgs,
): Promise<{ frame: Frame; regions: RegionPrompt[] }> {
  const frame = args.mcap
    ? await loadMcapFrame(args.mcap, (text) => process.stderr.write(`warning: ${text}\n`))
    : args.pcd
      ? await loadPcdFrame(args.pcd, args.camera)
      : await loadRgbdFrame({
          rgbPath: args.rgb!,
          depthPath: args.depth,
          intrinsicsPath: args.intrinsics!,
          depthScale: args.depthScale,
          cameraId: args.camera,
        })
  const regions = args.regions ? toRegionPrompts(await readRegionsFile(args.regions)) : []
  return { frame, regions }
}
