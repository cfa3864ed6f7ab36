#!/usr/bin/env python3
"""Open3D reference for `npm run bench`: the same scene work as Spatial Lens, stage by stage.

Reads one RGB-D frame (colour PNG + uint16 depth PNG in millimetres) and runs, timing each stage with
time.perf_counter over N repeats (after warm-up runs that are not counted):

  backproject  depth image -> point cloud of every valid depth pixel (depth_scale 1000, depth_trunc 3.0)
  voxel        voxel_down_sample(0.01)
  plane        segment_plane(distance_threshold 0.01, ransac_n 3, num_iterations 400), seeded
  cluster      full-cloud points above the plane (camera side, distance > threshold), voxel_down_sample(0.01),
               cluster_dbscan(eps 0.02, min_points 10), clusters with >= 30 points kept
  boxes        per cluster: plane-aligned box: footprint = minimum-area rectangle (numpy convex hull +
               rotating calipers) of the points projected on the plane, height from the plane to the top

Image decoding is not timed (ours does not time it either). Prints ONE JSON line on stdout:
  {resolution, stagesMs, totalMs, objects: [{centerInCamera, sizeM, yawRad, pointCount}], planeNormal,
   planeOffset, repeats, warmup, open3dVersion, ...}
Centres are in the camera frame (x right, y down, z forward, metres) so they compare with the ground truth
`centre_camera`. The plane normal points to the camera side. Errors go to stderr with a non-zero exit.

Usage: python3 bench/open3d_reference.py --rgb C.png --depth D.png [--fx F --fy F --cx X --cy Y]
                                         [--repeat 5] [--warmup 1] [--backproject depth|rgbd]
Intrinsics default to the synthetic-tabletop convention fx = fy = 525*W/640, cx = (W-1)/2, cy = (H-1)/2.
"""

import argparse
import json
import statistics
import sys
import time

try:
    import numpy as np
    import open3d as o3d
except ImportError as error:  # run.js checks this first; keep a clear message for direct use too
    sys.stderr.write(
        f"open3d_reference.py: cannot import {error.name} ({error}).\n"
        "Install Open3D for this interpreter, e.g. `sudo apt-get install python3-open3d` (Debian/Ubuntu, "
        "then use /usr/bin/python3) or `pip install open3d`.\n"
    )
    sys.exit(3)

VOXEL_M = 0.01
PLANE_THRESHOLD_M = 0.01
PLANE_RANSAC_N = 3
PLANE_ITERATIONS = 400
DBSCAN_EPS_M = 0.02
DBSCAN_MIN_POINTS = 10
MIN_CLUSTER_POINTS = 30
DEPTH_SCALE = 1000.0
DEPTH_TRUNC_M = 3.0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rgb", required=True, help="colour PNG (8-bit RGB)")
    parser.add_argument("--depth", required=True, help="depth PNG (uint16 millimetres, 0 = invalid)")
    parser.add_argument("--fx", type=float)
    parser.add_argument("--fy", type=float)
    parser.add_argument("--cx", type=float)
    parser.add_argument("--cy", type=float)
    parser.add_argument("--repeat", type=int, default=5, help="timed repeats (median reported)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before the timed ones")
    parser.add_argument("--seed", type=int, default=0, help="Open3D RANSAC seed (set before every run)")
    parser.add_argument(
        "--depth-trunc",
        type=float,
        help=f"metres; farther depth is dropped (default: {DEPTH_TRUNC_M}, raised to the frame's farthest valid "
        "depth so that every valid pixel is used, like ours)",
    )
    parser.add_argument(
        "--backproject",
        choices=["depth", "rgbd"],
        default="depth",
        help="depth: create_from_depth_image (xyz only, like ours); rgbd: coloured cloud from an RGBDImage",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be >= 1")
    if args.warmup < 0:
        parser.error("--warmup must be >= 0")
    return args


def read_images(args):
    color = o3d.io.read_image(args.rgb)
    depth = o3d.io.read_image(args.depth)
    color_np = np.asarray(color)
    depth_np = np.asarray(depth)
    if depth_np.size == 0:
        raise RuntimeError(f"cannot read depth image {args.depth}")
    if color_np.size == 0:
        raise RuntimeError(f"cannot read colour image {args.rgb}")
    if depth_np.dtype != np.uint16:
        raise RuntimeError(f"depth image {args.depth} is {depth_np.dtype}, expected uint16 millimetres")
    if color_np.shape[:2] != depth_np.shape[:2]:
        raise RuntimeError(f"colour {color_np.shape[:2]} and depth {depth_np.shape[:2]} sizes differ")
    return color, depth, depth_np


def make_intrinsics(args, width, height):
    fx = args.fx if args.fx is not None else 525.0 * width / 640.0
    fy = args.fy if args.fy is not None else 525.0 * width / 640.0
    cx = args.cx if args.cx is not None else (width - 1) / 2.0
    cy = args.cy if args.cy is not None else (height - 1) / 2.0
    return o3d.camera.PinholeCameraIntrinsic(width, height, fx, fy, cx, cy), (fx, fy, cx, cy)


# --- plane-aligned boxes -------------------------------------------------------------------------------


def plane_basis(normal):
    """Two unit vectors u, v spanning the plane, with (u, v, normal) right-handed."""
    helper = np.array([1.0, 0.0, 0.0]) if abs(normal[0]) < 0.9 else np.array([0.0, 1.0, 0.0])
    u = np.cross(helper, normal)
    u /= np.linalg.norm(u)
    v = np.cross(normal, u)
    return u, v


def interior_filter(points):
    """Akl-Toussaint: drop the points strictly inside the polygon of the 8 extreme points (vectorised),
    so the Python hull loop sees tens of points instead of hundreds."""
    angles = np.arange(8) * (np.pi / 4)
    directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    extreme = np.unique(np.argmax(points @ directions.T, axis=0))
    if len(extreme) < 3:
        return points
    polygon = points[extreme]
    centre = polygon.mean(axis=0)
    polygon = polygon[np.argsort(np.arctan2(polygon[:, 1] - centre[1], polygon[:, 0] - centre[0]))]
    edges = np.roll(polygon, -1, axis=0) - polygon
    rel_x = points[:, 0][:, None] - polygon[None, :, 0]
    rel_y = points[:, 1][:, None] - polygon[None, :, 1]
    inside = np.all(edges[None, :, 0] * rel_y - edges[None, :, 1] * rel_x > 0, axis=1)
    return points[~inside]


def convex_hull_2d(points):
    """Andrew's monotone chain; points (n, 2) -> hull vertices (m, 2), counter-clockwise."""
    pts = np.unique(interior_filter(points), axis=0)  # sorted by x then y
    if len(pts) <= 2:
        return pts

    def half(sequence):
        chain = []
        for p in sequence:
            while len(chain) >= 2:
                o, a = chain[-2], chain[-1]
                if (a[0] - o[0]) * (p[1] - o[1]) - (a[1] - o[1]) * (p[0] - o[0]) > 0:
                    break
                chain.pop()
            chain.append(p)
        return chain

    listed = pts.tolist()
    lower = half(listed)
    upper = half(reversed(listed))
    return np.array(lower[:-1] + upper[:-1])


def min_area_rect(points):
    """Minimum-area enclosing rectangle (rotating calipers over hull edges).

    Returns (centre (2,), (extent_along_axis, extent_across), angle_rad of the first axis)."""
    hull = convex_hull_2d(points)
    if len(hull) == 1:
        return hull[0].astype(float), (0.0, 0.0), 0.0
    if len(hull) == 2:
        d = hull[1] - hull[0]
        return (hull[0] + hull[1]) / 2.0, (float(np.hypot(*d)), 0.0), float(np.arctan2(d[1], d[0]))
    edges = np.roll(hull, -1, axis=0) - hull
    angles = np.unique(np.mod(np.arctan2(edges[:, 1], edges[:, 0]), np.pi / 2))
    cos, sin = np.cos(angles), np.sin(angles)
    # Rotate the hull by -angle for every candidate: along = x cos + y sin, across = -x sin + y cos.
    along = np.outer(cos, hull[:, 0]) + np.outer(sin, hull[:, 1])
    across = -np.outer(sin, hull[:, 0]) + np.outer(cos, hull[:, 1])
    a0, a1 = along.min(axis=1), along.max(axis=1)
    b0, b1 = across.min(axis=1), across.max(axis=1)
    areas = (a1 - a0) * (b1 - b0)
    k = int(np.argmin(areas))
    ma, mb = (a0[k] + a1[k]) / 2.0, (b0[k] + b1[k]) / 2.0
    centre = np.array([cos[k] * ma - sin[k] * mb, sin[k] * ma + cos[k] * mb])
    return centre, (float(a1[k] - a0[k]), float(b1[k] - b0[k])), float(angles[k])


def plane_aligned_box(points, normal, offset, u, v):
    """Solid box standing on the plane: footprint min-area rectangle, height from the plane to the top."""
    heights = points @ normal + offset
    footprint = np.stack([points @ u, points @ v], axis=1)
    centre_uv, (extent_a, extent_b), angle = min_area_rect(footprint)
    top = float(heights.max())
    origin = -offset * normal  # the plane point closest to the camera centre
    centre = origin + centre_uv[0] * u + centre_uv[1] * v + (top / 2.0) * normal
    return {
        "centerInCamera": [float(x) for x in centre],
        "sizeM": {"width": extent_a, "depth": extent_b, "height": top},
        "yawRad": angle,
        "pointCount": int(len(points)),
    }


# --- the pipeline --------------------------------------------------------------------------------------


def run_once(color, depth, intrinsic, args):
    timings = {}
    seed = getattr(getattr(o3d.utility, "random", None), "seed", None)
    if seed is not None:
        seed(args.seed)

    start = time.perf_counter()
    if args.backproject == "rgbd":
        rgbd = o3d.geometry.RGBDImage.create_from_color_and_depth(
            color, depth, depth_scale=DEPTH_SCALE, depth_trunc=args.depth_trunc, convert_rgb_to_intensity=False
        )
        cloud = o3d.geometry.PointCloud.create_from_rgbd_image(rgbd, intrinsic)
    else:
        cloud = o3d.geometry.PointCloud.create_from_depth_image(
            depth, intrinsic, depth_scale=DEPTH_SCALE, depth_trunc=args.depth_trunc
        )
    t = time.perf_counter()
    timings["backproject"] = (t - start) * 1000.0

    down = cloud.voxel_down_sample(VOXEL_M)
    t, t0 = time.perf_counter(), t
    timings["voxel"] = (t - t0) * 1000.0

    plane_model, _ = down.segment_plane(
        distance_threshold=PLANE_THRESHOLD_M, ransac_n=PLANE_RANSAC_N, num_iterations=PLANE_ITERATIONS
    )
    a, b, c, d = (float(x) for x in plane_model)
    scale = float(np.linalg.norm([a, b, c]))
    normal, offset = np.array([a, b, c]) / scale, d / scale
    if offset < 0:  # camera (origin) on the positive side
        normal, offset = -normal, -offset
    t, t0 = time.perf_counter(), t
    timings["plane"] = (t - t0) * 1000.0

    xyz = np.asarray(cloud.points)
    above = np.flatnonzero(xyz @ normal + offset > PLANE_THRESHOLD_M)
    objects_cloud = cloud.select_by_index(above).voxel_down_sample(VOXEL_M)
    labels = np.asarray(objects_cloud.cluster_dbscan(eps=DBSCAN_EPS_M, min_points=DBSCAN_MIN_POINTS))
    object_xyz = np.asarray(objects_cloud.points)
    clusters = []
    if labels.size and labels.max() >= 0:
        counts = np.bincount(labels[labels >= 0])
        order = np.argsort(labels, kind="stable")
        sorted_labels = labels[order]
        for label in np.flatnonzero(counts >= MIN_CLUSTER_POINTS):
            lo, hi = np.searchsorted(sorted_labels, [label, label + 1])
            clusters.append(object_xyz[order[lo:hi]])
    t, t0 = time.perf_counter(), t
    timings["cluster"] = (t - t0) * 1000.0

    u, v = plane_basis(normal)
    objects = [plane_aligned_box(points, normal, offset, u, v) for points in clusters]
    t, t0 = time.perf_counter(), t
    timings["boxes"] = (t - t0) * 1000.0

    total = (t - start) * 1000.0
    info = {
        "cloudPoints": len(cloud.points),
        "voxelPoints": len(down.points),
        "abovePlanePoints": int(above.size),
        "planeNormal": [float(x) for x in normal],
        "planeOffset": offset,
    }
    return timings, total, objects, info


def main(argv):
    args = parse_args(argv)
    color, depth, depth_np = read_images(args)
    height, width = depth_np.shape[:2]
    intrinsic, (fx, fy, cx, cy) = make_intrinsics(args, width, height)
    if args.depth_trunc is None:
        # Noise pushes a few table pixels just past 3.0 m; ours keeps every valid pixel, so do we.
        args.depth_trunc = max(DEPTH_TRUNC_M, float(depth_np.max()) / DEPTH_SCALE + 1e-3)

    for _ in range(args.warmup):
        run_once(color, depth, intrinsic, args)
    runs = [run_once(color, depth, intrinsic, args) for _ in range(args.repeat)]

    stage_names = list(runs[0][0].keys())
    stages_ms = {name: statistics.median(run[0][name] for run in runs) for name in stage_names}
    total_ms = statistics.median(run[1] for run in runs)
    _, _, objects, info = runs[-1]
    valid = int(np.count_nonzero(depth_np))
    result = {
        "resolution": f"{width}x{height}",
        "stagesMs": stages_ms,
        "totalMs": total_ms,
        "objects": objects,
        "planeNormal": info["planeNormal"],
        "planeOffset": info["planeOffset"],
        "repeats": args.repeat,
        "warmup": args.warmup,
        "seed": args.seed,
        "backproject": args.backproject,
        "depthTruncM": args.depth_trunc,
        "validDepthPixels": valid,
        "cloudPoints": info["cloudPoints"],
        "voxelPoints": info["voxelPoints"],
        "abovePlanePoints": info["abovePlanePoints"],
        "intrinsics": {"fx": fx, "fy": fy, "cx": cx, "cy": cy},
        "open3dVersion": o3d.__version__,
        "numpyVersion": np.__version__,
        "python": sys.version.split()[0],
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one clear line for run.js instead of a traceback wall
        sys.stderr.write(f"open3d_reference.py: {type(error).__name__}: {error}\n")
        sys.exit(1)
