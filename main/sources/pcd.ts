/**
 * PCD point clouds (PCL's format): parse any PCD file, and turn an organized cloud into a Frame.
 * The work lives in one file per step; this module only gathers the public API.
 */
export { type PcdCloud, parsePcd } from './pcdParse'
export { fitPinholeIntrinsics, loadPcdFrame, pcdToFrame } from './pcdFrame'
export type { PcdDataFormat, PcdField, PcdHeader } from './pcdHeader'
