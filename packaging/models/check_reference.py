#!/usr/bin/python3
"""Check the converted TorchScript models against the original JavaScript.

  /usr/bin/python3 packaging/models/check_reference.py [--device cuda] MODELDIR
  /usr/bin/python3 packaging/models/check_reference.py --regenerate
      (re-runs the original JavaScript, ~2 min, and rewrites reference.json)

MODELDIR is what build_models.sh wrote (face_detector/, moderation/).  The
expected outputs are reference/reference.json, produced by running the
original npm packages with TensorFlow.js (reference/reference.mjs).

To feed the converted models exactly the pixels the JavaScript saw, the JPEGs
are decoded by the same decoder (jpeg-js, via `reference.mjs --dump-pixels`;
its node dependencies are installed from reference/package-lock.json into the
cache on first use, and the dump is cached).  The preprocessing below is the
C++ engine's contract from model.json, written out in torch (float64 where
JavaScript computes in doubles; torch only, so that a bare GPU machine with a
PyTorch wheel and no numpy runs it too):

  * pad to a square at the bottom/right with 0 (if pad_to_square),
  * resize to width x height with the named method,
  * (x * scale - mean[c]) / std[c] in float32, NCHW.

Asserts: moderation probabilities within 1e-4 of the reference; same number
of faces and every face box IoU >= 0.99 with its reference match (and score
within 1e-3); batch of 1 and batch of 6 give the same results.
Exit status 0 and a one-line summary on success; non-zero and a diff otherwise.

--device (default cpu) runs the models on that torch device (cuda, cuda:1):
bench/gpu/run_on_device.sh checks the models on a lent GPU this way, with
TF32 off so that the GPU computes in full float32 like the reference.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, str(HERE))
import sources  # noqa: E402

REFERENCE_DIR = HERE / "reference"
PROB_TOLERANCE = 1e-4
MIN_IOU = 0.99
SCORE_TOLERANCE = 1e-3
BATCH_PROB_TOLERANCE = 1e-5
BATCH_MIN_IOU = 0.999


class CheckError(RuntimeError):
    pass


# --------------------------------------------------------------------------
# Resizing, as TensorFlow.js' CPU kernel does it (tfjs-backend-cpu
# ResizeBilinear, halfPixelCenters = false).  All arithmetic in float64 like
# JavaScript numbers; the result is stored as float32.
#
#   ratio = in / out                        (legacy, align_corners = false)
#   ratio = (in - 1) / (out - 1)            (align_corners = true, out > 1)
#   src   = ratio * dst
#   i0 = max(0, floor(src)); i1 = min(in - 1, ceil(src)); f = src - i0
#   top    = p[y0][x0] + (p[y0][x1] - p[y0][x0]) * fx
#   bottom = p[y1][x0] + (p[y1][x1] - p[y1][x0]) * fx
#   value  = top + (bottom - top) * fy
# --------------------------------------------------------------------------

def _axis(n_in: int, n_out: int, align_corners: bool):
    if align_corners and n_out > 1:
        ratio = (n_in - 1) / (n_out - 1)
    else:
        ratio = n_in / n_out
    src = ratio * torch.arange(n_out, dtype=torch.float64)
    i0 = torch.clamp(torch.floor(src), min=0).to(torch.int64)
    i1 = torch.clamp(torch.ceil(src), max=n_in - 1).to(torch.int64)
    return i0, i1, src - i0


def resize_bilinear_tf(img: torch.Tensor, out_h: int, out_w: int, align_corners: bool) -> torch.Tensor:
    """img: [H, W, C] -> float32 [out_h, out_w, C]."""
    p = img.to(torch.float64)
    y0, y1, fy = _axis(p.shape[0], out_h, align_corners)
    x0, x1, fx = _axis(p.shape[1], out_w, align_corners)
    fx = fx[None, :, None]
    fy = fy[:, None, None]
    top_rows, bottom_rows = p[y0], p[y1]
    top = top_rows[:, x0] + (top_rows[:, x1] - top_rows[:, x0]) * fx
    bottom = bottom_rows[:, x0] + (bottom_rows[:, x1] - bottom_rows[:, x0]) * fx
    return (top + (bottom - top) * fy).to(torch.float32)


def pad_to_square(img: torch.Tensor) -> torch.Tensor:
    """Zero-pad at the bottom or right (never centred), as face-api does."""
    h, w, c = img.shape
    side = max(h, w)
    out = torch.zeros((side, side, c), dtype=torch.float32)
    out[:h, :w] = img
    return out


def preprocess(rgb: torch.Tensor, spec: dict) -> torch.Tensor:
    """uint8 [H, W, 3] RGB -> float32 [3, height, width] per model.json."""
    img = rgb.to(torch.float32)
    if spec["pad_to_square"]:
        img = pad_to_square(img)
    method = spec["resize"]
    if method == "tf_legacy_bilinear":
        img = resize_bilinear_tf(img, spec["height"], spec["width"], align_corners=False)
    elif method == "bilinear_align_corners":
        img = resize_bilinear_tf(img, spec["height"], spec["width"], align_corners=True)
    else:
        raise CheckError(f"unknown resize method {method!r}")
    scale = torch.tensor(spec["scale"], dtype=torch.float32)
    mean = torch.tensor(spec["mean"], dtype=torch.float32)
    std = torch.tensor(spec["std"], dtype=torch.float32)
    img = (img * scale - mean) / std
    return img.permute(2, 0, 1).contiguous()


# --------------------------------------------------------------------------
# Identical decoded pixels: jpeg-js through the reference script.
# --------------------------------------------------------------------------

def _reference_key() -> str:
    h = hashlib.sha256()
    for name in ("package.json", "package-lock.json", "reference.mjs"):
        h.update((REFERENCE_DIR / name).read_bytes())
    return h.hexdigest()[:16]


def _run(cmd: list[str], cwd: Path, what: str) -> None:
    env = dict(os.environ)
    env.setdefault("npm_config_cache", str(sources.default_cache_dir() / "npm-cache"))
    env["npm_config_update_notifier"] = "false"
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise CheckError(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{proc.stdout[:3000]}")


def reference_env() -> tuple[str, Path]:
    """node and a cache directory holding reference.mjs with its locked
    dependencies installed (`npm ci`, integrity-checked by npm)."""
    node = shutil.which("node")
    npm = shutil.which("npm")
    if node is None or npm is None:
        raise CheckError("node and npm are needed to run the reference script (jpeg-js, tfjs)")
    work = sources.default_cache_dir() / f"reference-node-{_reference_key()}"
    work.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json", "reference.mjs"):
        shutil.copyfile(REFERENCE_DIR / name, work / name)
    if not (work / "node_modules" / ".package-lock.json").exists():
        print(f"installing reference node dependencies into {work} ...", file=sys.stderr)
        _run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
             work, "npm ci")
    return node, work


def regenerate() -> int:
    node, work = reference_env()
    out = REFERENCE_DIR / "reference.json"
    _run([node, "reference.mjs", "--out", str(out)], work, "reference run")
    print(f"check_reference: wrote {out}")
    return 0


def decoded_pixels() -> dict[str, torch.Tensor]:
    cache = sources.default_cache_dir()
    key = _reference_key()
    pixel_dir = cache / f"reference-pixels-{key}"
    if not (pixel_dir / "pixels.json").exists():
        node, work = reference_env()
        tmp = cache / f".reference-pixels-{key}.tmp{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        _run([node, "reference.mjs", "--dump-pixels", str(tmp)], work, "jpeg-js pixel dump")
        shutil.rmtree(pixel_dir, ignore_errors=True)
        os.replace(tmp, pixel_dir)
    index = json.loads((pixel_dir / "pixels.json").read_text())
    out = {}
    for file, info in index.items():
        raw = torch.frombuffer(bytearray((pixel_dir / info["file"]).read_bytes()), dtype=torch.uint8)
        if raw.numel() != info["width"] * info["height"] * 3:
            raise CheckError(f"{pixel_dir / info['file']}: wrong size; delete {pixel_dir}")
        out[file] = raw.reshape(info["height"], info["width"], 3)
    return out


# --------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------

def iou(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def match_faces(ref_faces: list[dict], rows: torch.Tensor):
    """Greedy one-to-one matching by IoU; returns [(ref_index, row_index, iou)]."""
    pairs = sorted(((iou(f["box_square"], rows[j, :4].tolist()), i, j)
                    for i, f in enumerate(ref_faces) for j in range(rows.shape[0])), reverse=True)
    used_i, used_j, matches = set(), set(), []
    for v, i, j in pairs:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            matches.append((i, j, v))
    return sorted(matches)


def fmt_box(b) -> str:
    return "(" + ", ".join(f"{v:.4f}" for v in b) + ")"


def main(argv: list[str]) -> int:
    if argv == ["--regenerate"]:
        return regenerate()
    device_name = "cpu"
    if len(argv) == 3 and argv[0] == "--device":
        device_name, argv = argv[1], argv[2:]
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    model_dir = Path(argv[0])
    torch.set_num_threads(2)
    device = torch.device(device_name)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise CheckError(f"--device {device_name}: torch {torch.__version__} sees no CUDA device")
        # TF32 convolutions and matmuls drop 13 mantissa bits: far outside 1e-4.
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False

    def load(name: str):
        return torch.jit.load(str(model_dir / name / "model.pt"), map_location=device)

    def run(model, images):
        out = model(images.to(device))
        return out.cpu() if isinstance(out, torch.Tensor) else [t.cpu() for t in out]

    reference = json.loads((REFERENCE_DIR / "reference.json").read_text())
    photos = reference["photos"]
    pixels = decoded_pixels()
    for p in photos:
        got = pixels[p["file"]].shape
        if got[:2] != (p["height"], p["width"]):
            raise CheckError(f"{p['file']}: decoded {got[1]}x{got[0]}, reference says {p['width']}x{p['height']}")

    failures: list[str] = []
    stats = {"prob": 0.0, "iou": 1.0, "score": 0.0, "faces": 0, "batch_prob": 0.0, "batch_iou": 1.0}

    # ---- moderation --------------------------------------------------------
    spec = json.loads((model_dir / "moderation" / "model.json").read_text())
    model = load("moderation")
    labels = spec["labels"]
    batch = torch.stack([preprocess(pixels[p["file"]], spec["input"]) for p in photos])
    with torch.no_grad():
        probs_batch = run(model, batch).double()
        probs_single = torch.cat([run(model, batch[i:i + 1]) for i in range(len(photos))]).double()
    if probs_batch.shape != (len(photos), len(labels)):
        raise CheckError(f"moderation output shape {probs_batch.shape}")
    for i, p in enumerate(photos):
        want = torch.tensor([p["moderation"][label] for label in labels], dtype=torch.float64)
        diff = float((probs_single[i] - want).abs().max())
        stats["prob"] = max(stats["prob"], diff)
        if diff > PROB_TOLERANCE:
            failures.append(f"{p['file']} moderation: " + ", ".join(
                f"{label} {g:.8f} vs ref {w:.8f}" for label, g, w in zip(labels, probs_single[i], want)))
    bdiff = float((probs_batch - probs_single).abs().max())
    stats["batch_prob"] = bdiff
    if bdiff > BATCH_PROB_TOLERANCE:
        failures.append(f"moderation: batch-6 vs batch-1 probabilities differ by {bdiff:.3g}")

    # ---- face detector -----------------------------------------------------
    spec = json.loads((model_dir / "face_detector" / "model.json").read_text())
    model = load("face_detector")
    batch = torch.stack([preprocess(pixels[p["file"]], spec["input"]) for p in photos])
    with torch.no_grad():
        rows_batch = list(run(model, batch))
        rows_single = [run(model, batch[i:i + 1])[0] for i in range(len(photos))]
    for i, p in enumerate(photos):
        rows, ref_faces = rows_single[i], p["faces"]
        stats["faces"] += len(ref_faces)
        if rows.shape[0] != len(ref_faces):
            failures.append(f"{p['file']} faces: {rows.shape[0]} detected, reference has {len(ref_faces)}\n"
                            + "".join(f"    got {fmt_box(r[:4])} score {r[4]:.4f}\n" for r in rows)
                            + "".join(f"    ref {fmt_box(f['box_square'])} score {f['score']:.4f}\n"
                                      for f in ref_faces))
            continue
        for ri, gi, v in match_faces(ref_faces, rows):
            f = ref_faces[ri]
            sdiff = abs(float(rows[gi, 4]) - f["score"])
            stats["iou"] = min(stats["iou"], v)
            stats["score"] = max(stats["score"], sdiff)
            if v < MIN_IOU or sdiff > SCORE_TOLERANCE:
                failures.append(f"{p['file']} face {ri}: got {fmt_box(rows[gi, :4])} score {rows[gi, 4]:.5f}, "
                                f"ref {fmt_box(f['box_square'])} score {f['score']:.5f} (IoU {v:.6f})")
        b = rows_batch[i]
        if b.shape != rows.shape:
            failures.append(f"{p['file']}: batch-6 gives {b.shape[0]} faces, batch-1 gives {rows.shape[0]}")
            continue
        for r1, r6 in zip(rows, b):
            v = iou(r1[:4].tolist(), r6[:4].tolist())
            stats["batch_iou"] = min(stats["batch_iou"], v)
            if v < BATCH_MIN_IOU or abs(float(r1[4] - r6[4])) > BATCH_PROB_TOLERANCE:
                failures.append(f"{p['file']}: batch-6 face {fmt_box(r6)} vs batch-1 {fmt_box(r1)}")

    if failures:
        print("check_reference: FAILED", file=sys.stderr)
        for f in failures:
            print("  " + f.rstrip("\n"), file=sys.stderr)
        return 1
    print(f"check_reference: OK on {device_name}: {len(photos)} photos, {stats['faces']} faces; "
          f"max |prob diff| {stats['prob']:.2e} (tol {PROB_TOLERANCE:g}), "
          f"min face IoU {stats['iou']:.6f} (min {MIN_IOU}), max |score diff| {stats['score']:.2e}; "
          f"batch-6 vs batch-1: max |prob diff| {stats['batch_prob']:.2e}, min IoU {stats['batch_iou']:.6f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (CheckError, sources.SourceError, FileNotFoundError) as e:
        print(f"check_reference: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
