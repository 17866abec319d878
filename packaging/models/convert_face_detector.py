#!/usr/bin/python3
"""Convert face-api's SSD MobileNetV1 face detector to TorchScript.

Source: @vladmandic/face-api 1.7.15, model/ssd_mobilenetv1_model-*.  The
architecture is not described by the weights file; it is face-api's own code
(src/ssdMobilenetv1/*), reproduced here:

  MobileNetV1: conv_0 (3x3, stride 2) then 13 x [depthwise 3x3 + BatchNorm
  + ReLU6, pointwise 1x1 + bias + ReLU6]; depthwise stride 2 at layers 2, 4,
  6 and 12.  (Pointwise convs already have their BatchNorm folded into a
  `convolution_bn_offset` bias.)
  Prediction layer: 8 more pointwise convs (3x3 ones at stride 2) and six box
  predictors on [conv11, mobilenet output, pred 1, 3, 5, 7] giving 5118 anchors.
  Output: box encodings decoded against the anchors (`Output/extra_dim`),
  score = sigmoid(class logit 1 of 3), then face-api's non-max suppression.

The exported module's contract (the C++ engine depends on it):
  forward(x: Tensor[N, 3, 512, 512]) -> List[Tensor]
  x: RGB, value*(1/127.5) - 1 of the image zero-padded at bottom/right to a
  square and resized to 512x512 with TF's legacy bilinear.
  One [k, 5] float32 tensor per image: rows (x1, y1, x2, y2, score), sorted by
  score, coordinates in 0..1 of the padded square; k <= max_detections.

Usage: convert_face_detector.py TARBALL OUTDIR
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List, Tuple

import torch
from torch import Tensor, nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources  # noqa: E402
from tf_layers import (ACT_LINEAR, ACT_RELU6, Conv2dTF, depthwise_to_oihw,  # noqa: E402
                       fold_batch_norm, freeze_and_save, hwio_to_oihw, t, unused_check)
from tfjs_weights import WeightMap, decode_weights  # noqa: E402

INPUT_SIZE = 512
SCORE_THRESHOLD = 0.5   # face-api SsdMobilenetv1Options default minConfidence
IOU_THRESHOLD = 0.5     # hard-coded in face-api's locateFaces
MAX_DETECTIONS = 100    # face-api default maxResults
# face-api passes this float32-rounded 1e-3 to tf.batchNorm for the depthwise layers
DEPTHWISE_BN_EPSILON = 0.0010000000474974513
# depthwise layers with stride 2 (face-api mobileNetV1: [2, 4, 6, 12])
STRIDE2_LAYERS = (2, 4, 6, 12)
NUM_ANCHORS = 5118


class BoxPredictor(nn.Module):
    """Per feature map: box encodings [N, H*W*A, 4] and class logits [N, H*W*A, 3]."""

    def __init__(self, box_conv: Conv2dTF, class_conv: Conv2dTF):
        super().__init__()
        self.box_conv = box_conv
        self.class_conv = class_conv

    def forward(self, f: Tensor) -> Tuple[Tensor, Tensor]:
        n = f.shape[0]
        # NCHW -> NHWC before flattening so anchors come in TF's order
        enc = self.box_conv(f).permute(0, 2, 3, 1).reshape(n, -1, 4)
        cls = self.class_conv(f).permute(0, 2, 3, 1).reshape(n, -1, 3)
        return enc, cls


class SsdFaceDetector(nn.Module):
    def __init__(self, mobilenet: List[Conv2dTF], prediction: List[Conv2dTF],
                 box_predictors: List[BoxPredictor], anchors: Tensor,
                 score_threshold: float, iou_threshold: float, max_detections: int):
        super().__init__()
        self.mobilenet = nn.ModuleList(mobilenet)
        self.prediction = nn.ModuleList(prediction)
        self.box_predictors = nn.ModuleList(box_predictors)
        # Anchor geometry precomputed exactly as face-api does it, in float32:
        # sizes = (a2 - a0, a3 - a1); centres = (a0 + size0 / 2, a1 + size1 / 2).
        a = anchors.float()
        size0 = a[:, 2] - a[:, 0]
        size1 = a[:, 3] - a[:, 1]
        self.register_buffer("anchor_size0", size0.clone())
        self.register_buffer("anchor_size1", size1.clone())
        self.register_buffer("anchor_center0", (a[:, 0] + size0 / 2).clone())
        self.register_buffer("anchor_center1", (a[:, 1] + size1 / 2).clone())
        self.score_threshold = float(score_threshold)
        self.iou_threshold = float(iou_threshold)
        self.max_detections = int(max_detections)

    def raw_outputs(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        """Decoded boxes [N, A, 4] as (ymin, xmin, ymax, xmax) and scores [N, A]."""
        conv11 = x
        for i, layer in enumerate(self.mobilenet):
            x = layer(x)
            if i == 22:  # pointwise conv of layer 11 (index 2*11)
                conv11 = x
        features: List[Tensor] = [conv11, x]
        p = x
        for i, layer in enumerate(self.prediction):
            p = layer(p)
            if i % 2 == 1:
                features.append(p)
        encodings: List[Tensor] = []
        logits: List[Tensor] = []
        for i, box_predictor in enumerate(self.box_predictors):
            enc_i, cls_i = box_predictor(features[i])
            encodings.append(enc_i)
            logits.append(cls_i)
        enc = torch.cat(encodings, 1)
        cls = torch.cat(logits, 1)

        # face-api decodeBoxesLayer, same op order (variances 10, 10, 5, 5)
        half0 = torch.exp(enc[:, :, 2] / 5) * self.anchor_size0 / 2
        mid0 = enc[:, :, 0] / 10 * self.anchor_size0 + self.anchor_center0
        half1 = torch.exp(enc[:, :, 3] / 5) * self.anchor_size1 / 2
        mid1 = enc[:, :, 1] / 10 * self.anchor_size1 + self.anchor_center1
        boxes = torch.stack([mid0 - half0, mid1 - half1, mid0 + half0, mid1 + half1], 2)
        scores = torch.sigmoid(cls[:, :, 1])
        return boxes, scores

    def select(self, boxes: Tensor, scores: Tensor) -> Tensor:
        """face-api's nonMaxSuppression for one image, then its clipping.

        Candidates with score > threshold are visited by descending score
        (stable, like Array.sort); one is kept when its IoU with every box
        kept so far is <= iou_threshold (IoU counts as 0 when either box has
        no area).  IoU is computed in float64 as JavaScript does."""
        candidates = torch.nonzero(scores > self.score_threshold).reshape(-1)
        order = torch.sort(scores[candidates], dim=0, descending=True, stable=True)[1]
        candidates = candidates[order]
        cand = boxes[candidates]
        c = cand.double()
        ymin = torch.minimum(c[:, 0], c[:, 2])
        xmin = torch.minimum(c[:, 1], c[:, 3])
        ymax = torch.maximum(c[:, 0], c[:, 2])
        xmax = torch.maximum(c[:, 1], c[:, 3])
        area = (ymax - ymin) * (xmax - xmin)
        k = int(candidates.shape[0])
        limit = min(self.max_detections, int(boxes.shape[0]))
        suppressed = torch.zeros(k, dtype=torch.bool, device=boxes.device)
        keep: List[int] = []
        for i in range(k):
            if len(keep) >= limit:
                break
            if bool(suppressed[i]):
                continue
            keep.append(i)
            iw = torch.clamp(torch.minimum(xmax, xmax[i]) - torch.maximum(xmin, xmin[i]), min=0.0)
            ih = torch.clamp(torch.minimum(ymax, ymax[i]) - torch.maximum(ymin, ymin[i]), min=0.0)
            inter = iw * ih
            iou = inter / (area + area[i] - inter)
            valid = (area > 0) & (area[i] > 0)
            suppressed = suppressed | (valid & (iou > self.iou_threshold))
        if len(keep) == 0:
            return torch.zeros(0, 5, dtype=torch.float32, device=boxes.device)
        kept = torch.tensor(keep, dtype=torch.long, device=boxes.device)
        b = cand[kept]
        s = scores[candidates[kept]]
        # face-api clips top/left at 0 and bottom/right at 1 (one-sided)
        x1 = torch.clamp(b[:, 1], min=0.0)
        y1 = torch.clamp(b[:, 0], min=0.0)
        x2 = torch.clamp(b[:, 3], max=1.0)
        y2 = torch.clamp(b[:, 2], max=1.0)
        return torch.stack([x1, y1, x2, y2, s], 1)

    def forward(self, x: Tensor) -> List[Tensor]:
        boxes, scores = self.raw_outputs(x)
        out: List[Tensor] = []
        for i in range(int(x.shape[0])):
            out.append(self.select(boxes[i], scores[i]))
        return out


def pointwise(w: WeightMap, prefix: str, stride: int) -> Conv2dTF:
    kernel = w.get(f"{prefix}/weights")
    bias = w.get(f"{prefix}/convolution_bn_offset", [kernel.shape[3]])
    return Conv2dTF(t(hwio_to_oihw(kernel)), t(bias), (stride, stride), "same", 1, ACT_RELU6)


def depthwise(w: WeightMap, prefix: str, stride: int) -> Conv2dTF:
    kernel = w.get(f"{prefix}/depthwise_weights")
    channels = kernel.shape[2]
    if kernel.shape[3] != 1:
        raise RuntimeError(f"{prefix}: depth multiplier {kernel.shape[3]} not supported")
    bn = f"{prefix}/BatchNorm"
    weight, bias = fold_batch_norm(
        depthwise_to_oihw(kernel), None,
        w.get(f"{bn}/gamma", [channels]), w.get(f"{bn}/beta", [channels]),
        w.get(f"{bn}/moving_mean", [channels]), w.get(f"{bn}/moving_variance", [channels]),
        DEPTHWISE_BN_EPSILON)
    return Conv2dTF(t(weight), t(bias), (stride, stride), "same", channels, ACT_RELU6)


def predictor(w: WeightMap, prefix: str) -> Conv2dTF:
    kernel = w.get(f"{prefix}/weights")
    bias = w.get(f"{prefix}/biases", [kernel.shape[3]])
    return Conv2dTF(t(hwio_to_oihw(kernel)), t(bias), (1, 1), "same", 1, ACT_LINEAR)


def build(weights: WeightMap) -> SsdFaceDetector:
    mobilenet = [pointwise(weights, "MobilenetV1/Conv2d_0_pointwise", 2)]
    for i in range(1, 14):
        mobilenet.append(depthwise(weights, f"MobilenetV1/Conv2d_{i}_depthwise",
                                   2 if i in STRIDE2_LAYERS else 1))
        mobilenet.append(pointwise(weights, f"MobilenetV1/Conv2d_{i}_pointwise", 1))
    prediction = [pointwise(weights, f"Prediction/Conv2d_{i}_pointwise", 2 if i % 2 else 1)
                  for i in range(8)]
    box_predictors = [BoxPredictor(predictor(weights, f"Prediction/BoxPredictor_{i}/BoxEncodingPredictor"),
                                   predictor(weights, f"Prediction/BoxPredictor_{i}/ClassPredictor"))
                      for i in range(6)]
    anchors = weights.get("Output/extra_dim", [1, NUM_ANCHORS, 4])[0]
    # The original TF graph's preprocessing constants (face-api ignores them
    # and hard-codes x / 127.5 - 1): check they agree with the manifest.
    mul = float(weights.get("Preprocessor/mul/x", []))
    sub = float(weights.get("Preprocessor/sub/y", []))
    if abs(mul - 1 / 127.5) > 1e-4 or abs(sub - 1.0) > 1e-2:
        raise RuntimeError(f"unexpected preprocessing constants mul={mul} sub={sub}")
    unused_check(weights.unused(), "face detector")
    return SsdFaceDetector(mobilenet, prediction, box_predictors, t(anchors),
                           SCORE_THRESHOLD, IOU_THRESHOLD, MAX_DETECTIONS)


def manifest() -> dict:
    src = sources.FACE_API
    return {
        "name": "face_detector",
        "task": "detect",
        "version": f"face-api-{src.version}-ssd_mobilenetv1",
        "input": {
            "width": INPUT_SIZE, "height": INPUT_SIZE, "channel_order": "RGB", "layout": "NCHW",
            "pad_to_square": True, "resize": "tf_legacy_bilinear",
            "scale": 1.0 / 127.5, "mean": [1.0, 1.0, 1.0], "std": [1.0, 1.0, 1.0],
        },
        "output": {
            "type": "list_of_tensors",
            "row": ["x1", "y1", "x2", "y2", "score"],
            "coordinates": "normalized 0..1 of the bottom/right zero-padded square input",
        },
        "labels": ["face"],
        "score_threshold": SCORE_THRESHOLD,
        "nms_iou": IOU_THRESHOLD,
        "max_detections": MAX_DETECTIONS,
        "max_batch_size": 8,
        "result_key": "faces",
        "source": {
            "npm": src.name, "version": src.version, "integrity": src.integrity,
            "files": list(sources.FACE_DETECTOR_FILES),
        },
        "licence": src.licence,
    }


def convert(tarball: Path, outdir: Path) -> None:
    sources.verify(sources.FACE_API, tarball)
    files = sources.read_members(tarball, sources.FACE_DETECTOR_FILES)
    groups = json.loads(files[sources.FACE_DETECTOR_FILES[0]])
    if len(groups) != 1 or groups[0]["paths"] != ["ssd_mobilenetv1_model.bin"]:
        raise RuntimeError(f"unexpected weight manifest layout: {[g['paths'] for g in groups]}")
    weights = WeightMap(decode_weights(groups[0]["weights"], files[sources.FACE_DETECTOR_FILES[1]]))

    module = build(weights).eval()
    with torch.no_grad():
        scripted = torch.jit.script(module)
        outdir.mkdir(parents=True, exist_ok=True)
        frozen = freeze_and_save(scripted, str(outdir / "model.pt"))
        # smoke test: batch of 2 runs and gives one [k, 5] tensor per image
        result = frozen(torch.zeros(2, 3, INPUT_SIZE, INPUT_SIZE))
        if len(result) != 2 or any(r.dim() != 2 or r.shape[1] != 5 for r in result):
            raise RuntimeError(f"unexpected detector output {[tuple(r.shape) for r in result]}")
    (outdir / "model.json").write_text(json.dumps(manifest(), indent=2) + "\n")
    # the MIT licence asks for its notice to travel with the weights
    (outdir / "LICENSE").write_bytes(sources.read_member(tarball, "LICENSE"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tarball", type=Path, help="verified face-api npm tarball")
    parser.add_argument("outdir", type=Path, help="directory to write model.pt and model.json to")
    args = parser.parse_args()
    torch.set_num_threads(2)
    convert(args.tarball, args.outdir)
    print(f"face_detector: wrote {args.outdir}/model.pt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
