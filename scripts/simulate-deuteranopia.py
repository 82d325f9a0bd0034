#!/usr/bin/env python3
"""Shows a screenshot as a person with deuteranopia (no green-sensitive cones) sees it, to check that the charts'
lines stay apart without colour: applies the matrix of Machado, Oliveira & Fernandes (2009), "A Physiologically-based
Model for Simulation of Color Vision Deficiency" (IEEE TVCG 15(6)), severity 1.0, in linear RGB.

    scripts/simulate-deuteranopia.py IN.png OUT.png [--crop LEFT,TOP,RIGHT,BOTTOM] [--scale K] [--original PATH]

--crop keeps a part of the screenshot (pixels of IN), --scale shrinks it (0.5: half size) to keep the PNGs small;
--original also writes that part as it is, to show beside the simulation. Needs numpy and Pillow (pip install numpy
pillow).
"""

import argparse

import numpy as np
from PIL import Image

# Machado et al. 2009, deuteranomaly at severity 1.0 (deuteranopia), applied to linear RGB.
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)


def to_linear(srgb):
    """sRGB in 0..1 to linear light."""
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def to_srgb(linear):
    """Linear light to sRGB in 0..1."""
    linear = np.clip(linear, 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(image):
    """The image as seen with deuteranopia."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float64) / 255.0
    seen = to_srgb(to_linear(rgb) @ DEUTERANOPIA.T)
    return Image.fromarray(np.round(seen * 255.0).astype(np.uint8), "RGB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--crop", help="LEFT,TOP,RIGHT,BOTTOM in pixels of the source")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--original", help="also write the cropped, scaled original here")
    args = parser.parse_args()
    image = Image.open(args.source).convert("RGB")
    if args.crop:
        image = image.crop(tuple(int(v) for v in args.crop.split(",")))
    if args.scale != 1.0:
        size = (round(image.width * args.scale), round(image.height * args.scale))
        image = image.resize(size, Image.LANCZOS)
    if args.original:
        image.save(args.original, optimize=True)
    simulate(image).save(args.target, optimize=True)


if __name__ == "__main__":
    main()
