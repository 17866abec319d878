#!/usr/bin/python3
"""Convert nsfwjs' MobileNetV2 image classifier to TorchScript.

Source: nsfwjs 4.3.0, dist/models/mobilenet_v2/{model,group1-shard1of1}.min.js.
Those two files are browserify bundles: one exports the Keras model.json
object (topology + weight manifest), the other the weight shard as a base64
string.  They are JavaScript, not JSON (unquoted keys, `!0`, `.5`), so node
evaluates them, in an empty `vm` context (no require, no fs, no network),
and hands back JSON.

The Keras functional graph is then rebuilt layer by layer in PyTorch (NCHW,
TensorFlow padding/kernel semantics from tf_layers.py, every BatchNorm folded
into its convolution in float64) and traced; the graph has no data-dependent
control flow.  Supported layers are exactly the ones this model uses; anything
else is refused rather than guessed.

The exported module's contract (the C++ engine depends on it):
  forward(x: Tensor[N, 3, 224, 224]) -> Tensor[N, 5]
  x: RGB / 255 of the image stretched (no crop, no pad) to 224x224 with
  bilinear align_corners=True.  Output: softmax probabilities in label order
  Drawing, Hentai, Neutral, Porn, Sexy.

Usage: convert_moderation.py TARBALL OUTDIR
"""

from __future__ import annotations

import argparse
import base64
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import sources  # noqa: E402
from tf_layers import (ACT_LINEAR, ACT_RELU, Conv2dTF, depthwise_to_oihw, fold_batch_norm,  # noqa: E402
                       freeze_and_save, hwio_to_oihw, t, unused_check)
from tfjs_weights import WeightMap, decode_weights  # noqa: E402

INPUT_SIZE = 224
LABELS = ["Drawing", "Hentai", "Neutral", "Porn", "Sexy"]

# Evaluates a UMD/browserify bundle in an empty context and prints its
# module.exports as JSON.
NODE_EVAL = r"""
const vm = require('vm');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const module = { exports: {} };
  vm.runInNewContext(Buffer.concat(chunks).toString('utf8'),
                     { module, exports: module.exports }, { timeout: 120000 });
  process.stdout.write(JSON.stringify(module.exports));
});
"""


def eval_bundle(source: bytes, what: str):
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to read nsfwjs' JavaScript model bundles")
    proc = subprocess.run([node, "-e", NODE_EVAL], input=source, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError(f"evaluating {what} with node failed:\n{proc.stderr.decode(errors='replace')}")
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------
# Layers.  Each node takes the list of its input tensors (NCHW).
# --------------------------------------------------------------------------

class Node(nn.Module):
    def __init__(self, op: nn.Module | None = None):
        super().__init__()
        self.op = op


class Single(Node):
    def forward(self, xs: list[Tensor]) -> Tensor:
        return self.op(xs[0])


class Identity(Node):
    def forward(self, xs: list[Tensor]) -> Tensor:
        return xs[0]


class Add(Node):
    def forward(self, xs: list[Tensor]) -> Tensor:
        y = xs[0]
        for x in xs[1:]:
            y = y + x
        return y


class ZeroPad(Node):
    def __init__(self, top: int, bottom: int, left: int, right: int):
        super().__init__()
        self.pad = [left, right, top, bottom]

    def forward(self, xs: list[Tensor]) -> Tensor:
        return F.pad(xs[0], self.pad)


class Clamp(Node):
    """Keras ReLU(max_value) / relu6: clipByValue(relu(x), 0, max)."""

    def __init__(self, max_value: float | None):
        super().__init__()
        self.max_value = max_value

    def forward(self, xs: list[Tensor]) -> Tensor:
        return torch.clamp(xs[0], min=0.0, max=self.max_value)


class AvgPool(Node):
    def __init__(self, pool: list[int], strides: list[int]):
        super().__init__()
        self.pool, self.strides = pool, strides

    def forward(self, xs: list[Tensor]) -> Tensor:
        return F.avg_pool2d(xs[0], self.pool, self.strides)


class FlattenNHWC(Node):
    """Keras Flatten (channels_last) flattens in H, W, C order."""

    def forward(self, xs: list[Tensor]) -> Tensor:
        return torch.flatten(xs[0].permute(0, 2, 3, 1), 1)


class Dense(Node):
    def __init__(self, kernel: np.ndarray, bias: np.ndarray | None, activation: str):
        super().__init__()
        self.weight = nn.Parameter(t(kernel.T.copy()), requires_grad=False)  # [in, out] -> [out, in]
        self.bias = nn.Parameter(t(bias) if bias is not None else torch.zeros(kernel.shape[1]),
                                 requires_grad=False)
        self.activation = activation

    def forward(self, xs: list[Tensor]) -> Tensor:
        y = F.linear(xs[0], self.weight, self.bias)
        if self.activation == "relu":
            y = torch.relu(y)
        elif self.activation == "softmax":
            y = torch.softmax(y, dim=-1)
        return y


class KerasGraph(nn.Module):
    """Runs the nodes in topological (file) order; wiring[i] lists the node
    indices feeding node i.  Only used in eager mode for tracing."""

    def __init__(self, nodes: list[Node], wiring: list[list[int]], output: int):
        super().__init__()
        self.nodes = nn.ModuleList(nodes)
        self.wiring = wiring
        self.output = output

    def forward(self, x: Tensor) -> Tensor:
        values: list[Tensor | None] = []
        last_use = {}
        for i, ins in enumerate(self.wiring):
            for j in ins:
                last_use[j] = i
        for i, node in enumerate(self.nodes):
            if not self.wiring[i]:          # the input layer
                values.append(x)
                continue
            values.append(node([values[j] for j in self.wiring[i]]))
            for j in self.wiring[i]:          # drop intermediates early
                if last_use[j] == i and j != self.output:
                    values[j] = None
        return values[self.output]


# --------------------------------------------------------------------------
# Keras topology -> nodes
# --------------------------------------------------------------------------

def _activation(cfg: dict, name: str) -> str:
    act = cfg.get("activation", "linear")
    if act not in ("linear", "relu", "softmax"):
        raise RuntimeError(f"{name}: unsupported activation {act}")
    return act


def build(topology: dict, weights: WeightMap) -> KerasGraph:
    model_config = topology["model_config"]
    if model_config["class_name"] not in ("Model", "Functional"):
        raise RuntimeError(f"unsupported model class {model_config['class_name']}")
    layers = model_config["config"]["layers"]
    index = {layer["name"]: i for i, layer in enumerate(layers)}
    consumers: dict[str, int] = {}
    wiring: list[list[int]] = []
    for layer in layers:
        nodes = layer["inbound_nodes"]
        if len(nodes) > 1:
            raise RuntimeError(f"{layer['name']}: shared layers are not supported")
        ins = [index[inbound[0]] for inbound in nodes[0]] if nodes else []
        for inbound in (nodes[0] if nodes else []):
            consumers[inbound[0]] = consumers.get(inbound[0], 0) + 1
        wiring.append(ins)

    # BatchNormalization layers fed by a conv are folded into it: remember
    # which conv each BN belongs to.
    folded_bn: dict[str, dict] = {}
    for layer, ins in zip(layers, wiring):
        if layer["class_name"] == "BatchNormalization" and len(ins) == 1:
            src = layers[ins[0]]
            if (src["class_name"] in ("Conv2D", "DepthwiseConv2D")
                    and src["config"].get("activation", "linear") == "linear"
                    and consumers.get(src["name"]) == 1):
                folded_bn[src["name"]] = layer

    nodes: list[Node] = []
    folded_into: dict[str, str] = {v["name"]: k for k, v in folded_bn.items()}
    for layer in layers:
        kind, cfg, name = layer["class_name"], layer["config"], layer["name"]
        if kind == "InputLayer":
            shape = cfg["batch_input_shape"]
            if shape[1:] != [INPUT_SIZE, INPUT_SIZE, 3]:
                raise RuntimeError(f"unexpected input shape {shape}")
            nodes.append(Identity())
        elif kind in ("Conv2D", "DepthwiseConv2D"):
            if cfg.get("data_format", "channels_last") != "channels_last":
                raise RuntimeError(f"{name}: data_format {cfg['data_format']}")
            if kind == "Conv2D":
                kernel = weights.get(f"{name}/kernel")
                weight, groups = hwio_to_oihw(kernel), 1
            else:
                kernel = weights.get(f"{name}/depthwise_kernel")
                weight, groups = depthwise_to_oihw(kernel), kernel.shape[2]
            bias = weights.get(f"{name}/bias") if cfg.get("use_bias", True) else None
            if name in folded_bn:
                bn = folded_bn[name]
                bcfg, bname = bn["config"], bn["name"]
                if bcfg.get("axis", -1) not in (-1, 3, [3], [-1]):
                    raise RuntimeError(f"{bname}: BatchNorm over axis {bcfg['axis']}")
                weight, bias = fold_batch_norm(
                    weight, bias,
                    weights.get(f"{bname}/gamma") if bcfg.get("scale", True) else None,
                    weights.get(f"{bname}/beta") if bcfg.get("center", True) else None,
                    weights.get(f"{bname}/moving_mean"), weights.get(f"{bname}/moving_variance"),
                    float(bcfg["epsilon"]))
            act = _activation(cfg, name)
            if act == "softmax" or list(cfg.get("dilation_rate", [1, 1])) != [1, 1]:
                raise RuntimeError(f"{name}: unsupported configuration")
            nodes.append(Single(Conv2dTF(t(weight), t(bias) if bias is not None else None,
                                         tuple(cfg["strides"]), cfg["padding"], groups,
                                         ACT_RELU if act == "relu" else ACT_LINEAR)))
        elif kind == "BatchNormalization":
            if name not in folded_into:
                raise RuntimeError(f"{name}: BatchNorm not directly after a convolution")
            nodes.append(Identity())   # already folded into its convolution
        elif kind == "ReLU":
            if cfg.get("negative_slope", 0) != 0 or cfg.get("threshold", 0) != 0:
                raise RuntimeError(f"{name}: leaky/thresholded ReLU not supported")
            nodes.append(Clamp(cfg.get("max_value")))
        elif kind == "ZeroPadding2D":
            (top, bottom), (left, right) = cfg["padding"]
            nodes.append(ZeroPad(top, bottom, left, right))
        elif kind == "Add":
            nodes.append(Add())
        elif kind == "AveragePooling2D":
            if cfg["padding"] != "valid":
                raise RuntimeError(f"{name}: AveragePooling2D padding {cfg['padding']}")
            nodes.append(AvgPool(list(cfg["pool_size"]), list(cfg["strides"])))
        elif kind == "Flatten":
            nodes.append(FlattenNHWC())
        elif kind == "Dense":
            kernel = weights.get(f"{name}/kernel")
            bias = weights.get(f"{name}/bias") if cfg.get("use_bias", True) else None
            nodes.append(Dense(kernel, bias, _activation(cfg, name)))
        elif kind == "Dropout":
            nodes.append(Identity())   # inference
        else:
            raise RuntimeError(f"{name}: unsupported Keras layer {kind}")

    outputs = model_config["config"]["output_layers"]
    if len(outputs) != 1:
        raise RuntimeError(f"expected one output, got {outputs}")
    unused_check(weights.unused(), "moderation")
    return KerasGraph(nodes, wiring, index[outputs[0][0]])


def manifest() -> dict:
    src = sources.NSFWJS
    return {
        "name": "moderation",
        "task": "classify",
        "version": f"nsfwjs-{src.version}-mobilenet_v2",
        "input": {
            "width": INPUT_SIZE, "height": INPUT_SIZE, "channel_order": "RGB", "layout": "NCHW",
            "pad_to_square": False, "resize": "bilinear_align_corners",
            "scale": 1.0 / 255.0, "mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0],
        },
        "output": {"type": "tensor", "shape": ["N", len(LABELS)], "activation": "softmax"},
        "labels": LABELS,
        "max_batch_size": 16,
        "result_key": "moderation",
        "source": {
            "npm": src.name, "version": src.version, "integrity": src.integrity,
            "files": list(sources.MODERATION_FILES),
        },
        "licence": src.licence,
    }


def load_model(tarball: Path) -> tuple[dict, WeightMap]:
    sources.verify(sources.NSFWJS, tarball)
    files = sources.read_members(tarball, sources.MODERATION_FILES)
    model_json = eval_bundle(files[sources.MODERATION_FILES[0]], "model.min.js")
    shard = eval_bundle(files[sources.MODERATION_FILES[1]], "group1-shard1of1.min.js")
    if not isinstance(shard, str):
        raise RuntimeError("weight bundle did not export a base64 string")
    groups = model_json["weightsManifest"]
    if len(groups) != 1 or groups[0]["paths"] != ["group1-shard1of1"]:
        raise RuntimeError(f"unexpected weight manifest layout: {[g['paths'] for g in groups]}")
    # nsfwjs concatenates the decoded shards in `paths` order, then tfjs walks
    # the manifest (which nsfwjs sorts by weight name, not by layer) in order.
    weights = WeightMap(decode_weights(groups[0]["weights"], base64.b64decode(shard)))
    return model_json["modelTopology"], weights


def convert(tarball: Path, outdir: Path) -> None:
    topology, weights = load_model(tarball)
    graph = build(topology, weights).eval()
    with torch.no_grad():
        example = torch.rand(2, 3, INPUT_SIZE, INPUT_SIZE)
        with warnings.catch_warnings():
            # The 'SAME' padding amounts are computed from the spatial size and
            # become constants of the trace, which is correct: the input size
            # is fixed at 224x224 by the manifest.  The batch size stays free
            # (checked below).
            warnings.simplefilter("ignore", torch.jit.TracerWarning)
            traced = torch.jit.trace(graph, example)
        outdir.mkdir(parents=True, exist_ok=True)
        frozen = freeze_and_save(traced, str(outdir / "model.pt"))
        # the trace must not have baked in the batch size
        single = frozen(example[:1])
        triple = frozen(torch.cat([example, example[:1]]))
        if single.shape != (1, len(LABELS)) or triple.shape != (3, len(LABELS)):
            raise RuntimeError(f"unexpected classifier output shapes {single.shape} {triple.shape}")
        if not torch.allclose(triple[2], single[0], atol=1e-5):
            raise RuntimeError("classifier output depends on the batch")
    (outdir / "model.json").write_text(json.dumps(manifest(), indent=2) + "\n")
    # the MIT licence asks for its notice to travel with the weights
    (outdir / "LICENSE").write_bytes(sources.read_member(tarball, "LICENSE"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tarball", type=Path, help="verified nsfwjs npm tarball")
    parser.add_argument("outdir", type=Path, help="directory to write model.pt and model.json to")
    args = parser.parse_args()
    torch.set_num_threads(2)
    convert(args.tarball, args.outdir)
    print(f"moderation: wrote {args.outdir}/model.pt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
