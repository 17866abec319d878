"""PyTorch building blocks with TensorFlow semantics, shared by the converters.

The networks were trained and are run (in tfjs) with TensorFlow conventions,
which differ from PyTorch's defaults in ways that change the numbers:

* 'SAME' padding puts the odd extra row/column at the bottom/right (PyTorch's
  symmetric `padding=` cannot express that; it happens at every stride-2
  3x3 conv on an even input), so such convs get an explicit F.pad.
* kernels are stored HWIO ([kh, kw, in, out]); depthwise kernels are
  [kh, kw, C, multiplier].  PyTorch wants OIHW and [C*mult, 1, kh, kw].
* BatchNorm is folded into the preceding convolution in float64 and rounded
  once to float32; the epsilon is the model's own (1e-3; some channels have
  variances around 4e-36, where the epsilon is all there is).

Everything here is TorchScript-compatible.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

ACT_LINEAR = 0
ACT_RELU = 1
ACT_RELU6 = 2


def tf_same_padding(size: int, kernel: int, stride: int, dilation: int) -> Tuple[int, int]:
    """(before, after) padding of TensorFlow's 'SAME' for one dimension."""
    out = (size + stride - 1) // stride
    effective = (kernel - 1) * dilation + 1
    total = max((out - 1) * stride + effective - size, 0)
    return total // 2, total - total // 2


class Conv2dTF(nn.Module):
    """Conv2d (optionally grouped/depthwise) + bias + activation, NCHW, with
    TensorFlow 'SAME'/'VALID' padding computed from the actual input size."""

    def __init__(self, weight: Tensor, bias: Optional[Tensor], stride: Tuple[int, int],
                 padding: str, groups: int = 1, activation: int = ACT_LINEAR,
                 dilation: Tuple[int, int] = (1, 1)):
        super().__init__()
        if padding not in ("same", "valid"):
            raise ValueError(f"unsupported padding {padding!r}")
        self.weight = nn.Parameter(weight.detach().clone().float(), requires_grad=False)
        if bias is None:
            bias = torch.zeros(weight.shape[0])
        self.bias = nn.Parameter(bias.detach().clone().float(), requires_grad=False)
        self.stride_h = int(stride[0])
        self.stride_w = int(stride[1])
        self.dilation_h = int(dilation[0])
        self.dilation_w = int(dilation[1])
        self.kernel_h = int(weight.shape[2])
        self.kernel_w = int(weight.shape[3])
        self.same = padding == "same"
        self.groups = int(groups)
        if activation not in (ACT_LINEAR, ACT_RELU, ACT_RELU6):
            raise ValueError(f"unsupported activation {activation}")
        # booleans rather than the module-level codes: TorchScript cannot read globals
        self.relu = activation == ACT_RELU
        self.relu6 = activation == ACT_RELU6

    def forward(self, x: Tensor) -> Tensor:
        stride = [self.stride_h, self.stride_w]
        dilation = [self.dilation_h, self.dilation_w]
        if self.same:
            top, bottom = tf_same_padding(x.shape[2], self.kernel_h, self.stride_h, self.dilation_h)
            left, right = tf_same_padding(x.shape[3], self.kernel_w, self.stride_w, self.dilation_w)
            if top == bottom and left == right:
                y = F.conv2d(x, self.weight, self.bias, stride, [top, left], dilation, self.groups)
            else:
                y = F.conv2d(F.pad(x, [left, right, top, bottom]), self.weight, self.bias,
                             stride, [0, 0], dilation, self.groups)
        else:
            y = F.conv2d(x, self.weight, self.bias, stride, [0, 0], dilation, self.groups)
        if self.relu:
            y = torch.relu(y)
        elif self.relu6:
            # tfjs: clipByValue(x, 0, 6)
            y = torch.clamp(y, 0.0, 6.0)
        return y


def hwio_to_oihw(kernel: np.ndarray) -> np.ndarray:
    """Regular conv kernel [kh, kw, in, out] -> [out, in, kh, kw]."""
    assert kernel.ndim == 4, kernel.shape
    return np.ascontiguousarray(kernel.transpose(3, 2, 0, 1))


def depthwise_to_oihw(kernel: np.ndarray) -> np.ndarray:
    """Depthwise kernel [kh, kw, C, M] -> [C*M, 1, kh, kw]; TF's output
    channel c*M + m comes from input channel c, exactly PyTorch's grouped
    conv ordering with groups=C."""
    assert kernel.ndim == 4, kernel.shape
    kh, kw, c, m = kernel.shape
    return np.ascontiguousarray(kernel.transpose(2, 3, 0, 1).reshape(c * m, 1, kh, kw))


def fold_batch_norm(weight_oihw: np.ndarray, bias: Optional[np.ndarray],
                    gamma: Optional[np.ndarray], beta: Optional[np.ndarray],
                    mean: np.ndarray, variance: np.ndarray, epsilon: float
                    ) -> Tuple[np.ndarray, np.ndarray]:
    """Fold y = beta + (conv(x) + b - mean) * gamma / sqrt(var + eps) into the
    conv's weight/bias, in float64, rounding once to float32."""
    out_channels = weight_oihw.shape[0]
    w = weight_oihw.astype(np.float64)
    b = np.zeros(out_channels) if bias is None else bias.astype(np.float64)
    g = np.ones(out_channels) if gamma is None else gamma.astype(np.float64)
    be = np.zeros(out_channels) if beta is None else beta.astype(np.float64)
    factor = g / np.sqrt(variance.astype(np.float64) + float(epsilon))
    w = w * factor.reshape(-1, 1, 1, 1)
    b = be + (b - mean.astype(np.float64)) * factor
    return w.astype(np.float32), b.astype(np.float32)


def t(a: np.ndarray) -> Tensor:
    return torch.from_numpy(np.ascontiguousarray(a))


def freeze_and_save(module: torch.jit.ScriptModule, path: str) -> torch.jit.ScriptModule:
    """torch.jit.freeze inlines weights as constants; its output loads in
    libtorch 1.13 C++ (optimize_for_inference's output does not, so it is
    deliberately not used)."""
    frozen = torch.jit.freeze(module.eval())
    torch.jit.save(frozen, path)
    return frozen


def unused_check(names: List[str], what: str) -> None:
    if names:
        raise RuntimeError(f"{what}: weights not used by the converter (architecture misread?): "
                           + ", ".join(names))
