#!/usr/bin/python3
"""Training step and sampling time of the twinfold diffusion U-Net in PyTorch, for comparison with
org.twinfold.ml.diffusion.DiffusionBenchmark (same layers, widths and order; EDM loss; Adam; EMA).

Usage: python3 bench/diffusion_step.py [--threads 2] [--warmup 50] [--steps 10] [--batch 32] [--side 64] [--base 24] [--decomposed] [--sample]
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = 25


class PaddedConv(nn.Module):
    def __init__(self, cin, cout, k, stride=1, circular=True):
        super().__init__()
        self.pad = k // 2
        self.circular = circular and k > 1
        self.conv = nn.Conv2d(cin, cout, k, stride, 0 if self.circular else self.pad)

    def forward(self, x):
        if self.circular:
            x = F.pad(x, (self.pad,) * 4, mode="circular")
        return self.conv(x)


DECOMPOSED = False


class DecomposedGroupNorm(nn.GroupNorm):
    """Group norm as the DJL U-Net computes it: layer norm over each group, then gain and offset."""

    def forward(self, x):
        n, c = x.shape[:2]
        grouped = x.reshape(n, self.num_groups, -1)
        normalized = F.layer_norm(grouped, grouped.shape[-1:], eps=self.eps).reshape(x.shape)
        return normalized * self.weight[:, None, None] + self.bias[:, None, None]


def norm(c, groups=8):
    kind = DecomposedGroupNorm if DECOMPOSED else nn.GroupNorm
    return kind(math.gcd(c, groups), c, eps=1e-5)


def silu(x):
    return x * torch.sigmoid(x) if DECOMPOSED else F.silu(x)


class ResidualBlock(nn.Module):
    def __init__(self, cin, cout, e):
        super().__init__()
        self.norm1, self.conv1 = norm(cin), PaddedConv(cin, cout, 3)
        self.emb = nn.Linear(e, cout)
        self.norm2, self.conv2 = norm(cout), PaddedConv(cout, cout, 3)
        self.skip = None if cin == cout else PaddedConv(cin, cout, 1)

    def forward(self, x, emb):
        h = self.conv1(silu(self.norm1(x)))
        h = h + self.emb(silu(emb))[:, :, None, None]
        h = self.conv2(silu(self.norm2(h)))
        return h + (x if self.skip is None else self.skip(x))


class SelfAttention(nn.Module):
    def __init__(self, c, heads):
        super().__init__()
        self.heads, self.norm = heads, norm(c)
        self.qkv, self.proj = nn.Conv2d(c, 3 * c, 1), nn.Conv2d(c, c, 1)

    def forward(self, x, emb=None):
        n, c, h, w = x.shape
        d = c // self.heads
        q, k, v = self.qkv(self.norm(x)).reshape(n, 3, self.heads, d, h * w).unbind(1)
        a = torch.softmax(q.transpose(2, 3) @ k / math.sqrt(d), dim=-1)
        return x + self.proj((v @ a.transpose(2, 3)).reshape(n, c, h, w))


class Upsample(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = PaddedConv(c, c, 3)

    def forward(self, x, emb=None):
        return self.conv(F.interpolate(x, scale_factor=2, mode="nearest"))


class Down(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = PaddedConv(c, c, 3, stride=2)

    def forward(self, x, emb=None):
        return self.conv(x)


class UNet(nn.Module):
    def __init__(self, base=24, mult=(1, 2, 2), blocks=1, heads=2, classes=CLASSES):
        super().__init__()
        e = 4 * base
        self.base = base
        self.noise1, self.noise2 = nn.Linear(base, e), nn.Linear(e, e)
        self.classes = nn.Linear(classes, e, bias=False)
        ch = base * mult[0]
        self.input = PaddedConv(1, ch, 3)
        skips = [ch]
        self.enc = nn.ModuleList()
        for level, m in enumerate(mult):
            for _ in range(blocks):
                self.enc.append(ResidualBlock(ch, base * m, e))
                ch = base * m
                skips.append(ch)
            if level < len(mult) - 1:
                self.enc.append(Down(ch))
                skips.append(ch)
        self.mid = nn.ModuleList([ResidualBlock(ch, ch, e), SelfAttention(ch, heads), ResidualBlock(ch, ch, e)])
        self.dec = nn.ModuleList()
        for level in reversed(range(len(mult))):
            for _ in range(blocks + 1):
                self.dec.append(ResidualBlock(ch + skips.pop(), base * mult[level], e))
                ch = base * mult[level]
            if level > 0:
                self.dec.append(Upsample(ch))
        self.out_norm, self.output = norm(ch), PaddedConv(ch, 1, 3)

    def forward(self, x, c_noise, one_hot):
        half = self.base // 2
        freqs = 10000.0 ** (-torch.arange(half, dtype=torch.float32) / half)
        angles = c_noise[:, None] * freqs[None]
        emb = self.noise2(silu(self.noise1(torch.cat([angles.cos(), angles.sin()], 1))))
        emb = emb + self.classes(one_hot)
        h = self.input(x)
        skips = [h]
        for block in self.enc:
            h = block(h, emb)
            skips.append(h)
        for block in self.mid:
            h = block(h, emb)
        for block in self.dec:
            if isinstance(block, ResidualBlock):
                h = torch.cat([h, skips.pop()], 1)
            h = block(h, emb)
        return self.output(silu(self.out_norm(h)))


def denoise(net, x, sigma, one_hot, sd=0.5):
    s = sigma.reshape(-1, 1, 1, 1)
    c_skip = sd ** 2 / (s ** 2 + sd ** 2)
    c_out = s * sd / (s ** 2 + sd ** 2).sqrt()
    c_in = 1 / (s ** 2 + sd ** 2).sqrt()
    return c_skip * x + c_out * net(c_in * x, sigma.log() / 4, one_hot)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--side", type=int, default=64)
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--base", type=int, default=24)
    parser.add_argument("--warmup", type=int, default=50, help="untimed steps before timing starts")
    parser.add_argument("--decomposed", action="store_true",
                        help="build group norm and SiLU from the operations DJL offers, as the Java U-Net does")
    args = parser.parse_args()
    global DECOMPOSED
    DECOMPOSED = args.decomposed
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)

    net = UNet(base=args.base)
    ema = [p.detach().clone() for p in net.parameters()]
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, "
          f"parameters {sum(p.numel() for p in net.parameters())}")
    opt = torch.optim.Adam(net.parameters(), lr=2e-4)
    n, side = args.batch, args.side
    data = (torch.rand(256, 1, side, side) < 0.3).float() * 2 - 1
    labels = torch.arange(256) % CLASSES

    times = []
    cpu_times = []
    process_times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        cpu_start = time.thread_time()
        process_start = time.process_time()
        rows = torch.randint(0, 256, (n,))
        y = data[rows]
        one_hot = F.one_hot(labels[rows], CLASSES).float()
        sigma = (torch.randn(n) * 1.2 - 1.2).exp()
        weight = (sigma ** 2 + 0.25) / (sigma * 0.5) ** 2
        loss = (weight.reshape(-1, 1, 1, 1) * (denoise(net, y + sigma.reshape(-1, 1, 1, 1) * torch.randn_like(y),
                                                      sigma, one_hot) - y) ** 2).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            for e, p in zip(ema, net.parameters()):
                e.mul_(0.999).add_(p.detach(), alpha=0.001)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.thread_time() - cpu_start)
        process_times.append(time.process_time() - process_start)
    timed = times[args.warmup:]
    cpu_timed = cpu_times[args.warmup:]
    process_timed = process_times[args.warmup:]
    # With one thread the main thread does all the arithmetic, so its CPU time is the step's cost
    # even while other programs share the cores.
    print(f"training step, batch {n} of 1x{side}x{side}: mean {sum(timed) / len(timed):.3f} s, "
          f"min {min(timed):.3f} s over {len(timed)} steps; main-thread CPU mean "
          f"{sum(cpu_timed) / len(cpu_timed):.3f} s, min {min(cpu_timed):.3f} s; process CPU mean "
          f"{sum(process_timed) / len(process_timed):.3f} s")

    if args.sample:
        net.eval()
        steps, smax, smin, rho = 18, 80.0, 0.002, 7.0
        t = [(smax ** (1 / rho) + i / (steps - 1) * (smin ** (1 / rho) - smax ** (1 / rho))) ** rho
             for i in range(steps)] + [0.0]
        for batch in (1, 64):
            one_hot = F.one_hot(torch.zeros(batch, dtype=torch.long), CLASSES).float()
            rounds = 5 if batch == 1 else 1
            start = time.perf_counter()
            with torch.no_grad():
                for _ in range(rounds):
                    x = torch.randn(batch, 1, side, side) * t[0]
                    for i in range(steps):
                        s = torch.full((batch,), t[i])
                        d = (x - denoise(net, x, s, one_hot)) / t[i]
                        nxt = x + (t[i + 1] - t[i]) * d
                        if t[i + 1] > 0:
                            d2 = (nxt - denoise(net, nxt, torch.full((batch,), t[i + 1]), one_hot)) / t[i + 1]
                            nxt = x + (t[i + 1] - t[i]) * (d + d2) / 2
                        x = nxt
            print(f"sampling, 18 Heun steps (35 evaluations), batch {batch}: "
                  f"{(time.perf_counter() - start) / (rounds * batch):.3f} s per image")


if __name__ == "__main__":
    main()
