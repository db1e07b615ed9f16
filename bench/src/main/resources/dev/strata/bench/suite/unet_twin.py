"""The network of Strata's network rows in plain PyTorch: strata bench --suite's reference for them.

A twin of dev.strata.sampler.nn.SmallUNet (unconditional) under the EDM preconditioning of NetworkDenoiser,
D(x; sigma) = c_skip x + c_out F(c_in x; c_noise), built from nn.Conv2d, nn.Linear, nn.GroupNorm, F.avg_pool2d and
F.interpolate, as a PyTorch user would write it. It loads the weights Strata exported, computes D and the input VJP
(dD/dx)^T v on Strata's inputs, writes both for Strata to compare with its own, and times each the way Strata's
Timing does: one first call, untimed calls for warmup_seconds, then at least `repeats` timed calls (more until
timed_seconds have passed); the medians are printed as one JSON line.

Usage: python3 unet_twin.py DIR, where DIR holds job.json, weights.f32, x.f32 and v.f32 (little-endian float32,
row-major) and receives denoised.f32 and vjp.f32; after its JSON line it runs one call for each line "forward" or
"vjp" of its standard input and prints that call's seconds, so that Strata can time its calls and DJL's back to back.
Needs torch, nothing else.
"""
import array
import json
import pathlib
import re
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv3(cin, cout):
    return nn.Conv2d(cin, cout, 3, padding=1)


class ResidualBlock(nn.Module):
    """h = conv1(silu(norm1(x))); [s, b] = W e; y = x + conv2(silu(norm2(h) (1 + s) + b))."""

    def __init__(self, channels, groups, embedding):
        super().__init__()
        self.channels = channels
        self.norm1 = nn.GroupNorm(groups, channels, eps=1e-5)
        self.conv1 = conv3(channels, channels)
        self.embed = nn.Linear(embedding, 2 * channels)
        self.norm2 = nn.GroupNorm(groups, channels, eps=1e-5)
        self.conv2 = conv3(channels, channels)

    def forward(self, x, e):
        h = self.conv1(F.silu(self.norm1(x)))
        scale, shift = self.embed(e).reshape(e.shape[0], 2 * self.channels, 1, 1).chunk(2, dim=1)
        h = self.norm2(h)
        h = h + h * scale + shift
        return x + self.conv2(F.silu(h))


class SmallUNet(nn.Module):
    """The U-Net of SmallUNet's javadoc; module names follow DJL's block names, so the weights load by name."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        levels, width = c["levels"], c["width"]
        widths = [width if l == 0 else 2 * width for l in range(levels)]
        self.levels, self.widths = levels, widths
        self.embed = nn.Linear(c["features"], c["embedding"])
        cin = c["channels"]
        for l in range(levels):
            setattr(self, "down%dConv" % l, conv3(cin, widths[l]))
            setattr(self, "down%dRes" % l, ResidualBlock(widths[l], c["groups"], c["embedding"]))
            cin = widths[l]
        for l in range(levels - 2, -1, -1):
            setattr(self, "up%dConv" % l, conv3(widths[l + 1] + widths[l], widths[l]))
            setattr(self, "up%dRes" % l, ResidualBlock(widths[l], c["groups"], c["embedding"]))
        self.normOut = nn.GroupNorm(c["groups"], width, eps=1e-5)
        self.convOut = conv3(width, 16 * ((c["channels"] + 15) // 16))

    def forward(self, x, phi):
        e = F.silu(self.embed(phi))
        h = []
        inp = x
        for l in range(self.levels):
            if l > 0:
                inp = F.avg_pool2d(h[l - 1], 2, 2)
            h.append(getattr(self, "down%dRes" % l)(getattr(self, "down%dConv" % l)(inp), e))
        u = h[-1]
        for l in range(self.levels - 2, -1, -1):
            up = torch.cat([F.interpolate(u, scale_factor=2, mode="nearest"), h[l]], dim=1)
            u = getattr(self, "up%dRes" % l)(getattr(self, "up%dConv" % l)(up), e)
        return self.convOut(F.silu(self.normOut(u)))[:, : self.c["channels"]]


def torch_name(djl_name):
    """03down0Res_01norm1_gamma -> down0Res.norm1.weight: DJL's two-digit positions dropped, gamma/beta renamed."""
    parts = djl_name.split("_")
    blocks = [re.sub(r"^\d\d", "", p) for p in parts[:-1]]
    leaf = {"gamma": "weight", "beta": "bias"}.get(parts[-1], parts[-1])
    return ".".join(blocks + [leaf])


def read_f32(path, shape):
    return torch.frombuffer(bytearray(path.read_bytes()), dtype=torch.float32).reshape(shape).clone()


def write_f32(path, t):
    array.array("f", t.detach().reshape(-1).tolist()).tofile(open(path, "wb"))


def timed(job, body):
    t0 = time.perf_counter()
    body()
    first = time.perf_counter() - t0
    warm = time.perf_counter()
    while time.perf_counter() - warm < job["warmupSeconds"]:
        body()
    s, start = [], time.perf_counter()
    while len(s) < job["repeats"] or (len(s) < job["maxTimedRuns"]
                                      and time.perf_counter() - start < job["timedSeconds"]):
        t = time.perf_counter()
        body()
        s.append(time.perf_counter() - t)
    return first, statistics.median(s), len(s)


def main(folder):
    d = pathlib.Path(folder)
    job = json.loads((d / "job.json").read_text())
    torch.set_num_threads(job["threads"])
    net = SmallUNet(job["config"])
    blob = read_f32(d / "weights.f32", (-1,))
    state, at = {}, 0
    for p in job["parameters"]:
        count = 1
        for s in p["shape"]:
            count *= s
        state[torch_name(p["name"])] = blob[at:at + count].reshape(p["shape"])
        at += count
    net.load_state_dict(state, strict=True)
    net.eval()
    net.requires_grad_(False)
    shape = [job["batch"]] + job["shape"]
    x = read_f32(d / "x.f32", shape)
    v = read_f32(d / "v.f32", shape)
    phi = torch.tensor(job["phi"], dtype=torch.float32).reshape(1, -1).expand(job["batch"], -1).contiguous()

    def denoise(xin):
        return job["cSkip"] * xin + job["cOut"] * net(job["cIn"] * xin, phi)

    def forward():
        with torch.no_grad():
            return denoise(x)

    def vjp():
        xg = x.detach().requires_grad_(True)
        (g,) = torch.autograd.grad((denoise(xg) * v).sum(), xg)
        return g

    write_f32(d / "denoised.f32", forward())
    write_f32(d / "vjp.f32", vjp())
    for _ in range(job["nativeWarmCalls"]):
        vjp()
    f_first, f_median, f_runs = timed(job, forward)
    v_first, v_median, v_runs = timed(job, vjp)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "forwardFirstSeconds": f_first, "forwardSeconds": f_median, "forwardRepeats": f_runs,
                      "vjpFirstSeconds": v_first, "vjpSeconds": v_median, "vjpRepeats": v_runs}), flush=True)
    # then one call per line of input ("forward" or "vjp"), its seconds printed, until the input ends
    calls = {"forward": forward, "vjp": vjp}
    for line in sys.stdin:
        body = calls.get(line.strip())
        if body is None:
            break
        t = time.perf_counter()
        body()
        print(time.perf_counter() - t, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
