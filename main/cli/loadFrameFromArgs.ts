import type { Frame } from '../engine/types'
import type { ChannelInput, RegionInput, SceneResult } from '../contract/channels'
import { loadRgbdFrame } from '../sources/rgbdFrame'
import { loadPcdFrame } from '../sources/pcd'
import { rawFrameInput } from '../frames/frameLoader'
import { readRegionsFile } from './regionsFile'
import type { CliArgs } from './args'
import { robotFramesInCamera, type RobotContext } from '../engine/tf/robotFrames'
import { loadMcapRobotFrame } from './mcapFrame'
import type { SpatialService } from '../services/SpatialService'
import { callService } from './cliService'

/** The longest frame name the contract takes; longer ones (deep paths) keep their end, the file names. */
const MAX_FRAME_NAME = 500

/**
 * The frame and regions named on the command line (files are read and decoded here, by the host, so messages
 * name the user's paths), and the robot context (TF) when the frame comes from a recording with TF.
 */
export async function loadFrameFromArgs(
  args: CliArgs,
): Promise<{ frame: Frame; regions: RegionInput[]; robot?: RobotContext }> {
  const regions = args.regions ? await readRegionsFile(args.regions) : []
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

/**
 * The `scene:analyze` request for the command line's frame: the decoded frame as a `raw` frame, with the
 * recording's TF frames located in its camera frame at its stamp (so questions can name "the gripper").
 */
export async function analyzeRequestFromArgs(
  args: CliArgs,
): Promise<ChannelInput<'scene:analyze'>> {
  const { frame, regions, robot } = await loadFrameFromArgs(args)
  const robotFrames = robot ? robotFramesInCamera(robot, frame.timestampNs) : null
  const name = frame.sourceDescription ?? 'frame'
  return {
    frame: rawFrameInput(frame, name.slice(-MAX_FRAME_NAME), robotFrames ?? undefined),
    regions,
    perception: args.perception,
  }
}

/** Analyses the command line's frame through the service; the scene stays kept there for questions. */
export async function analyzeFromArgs(
  service: SpatialService,
  args: CliArgs,
): Promise<SceneResult> {
  return callService(service, 'scene:analyze', await analyzeRequestFromArgs(args))
}
